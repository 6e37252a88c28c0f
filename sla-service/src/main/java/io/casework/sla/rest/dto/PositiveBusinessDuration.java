package io.casework.sla.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import io.casework.sla.domain.calendar.BusinessDuration;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A target duration: more than zero, at most a year (366 days). */
@Documented
@Constraint(validatedBy = PositiveBusinessDuration.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveBusinessDuration {

    String message() default "must be a positive duration of at most P366D, such as PT4H or P1D";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PositiveBusinessDuration, BusinessDuration> {

        @Override
        public boolean isValid(BusinessDuration value, ConstraintValidatorContext context) {
            return value == null || (!value.isZero() && value.days() + value.time().toDays() <= 366
                    && value.time().compareTo(Duration.ofDays(366)) <= 0);
        }
    }
}
