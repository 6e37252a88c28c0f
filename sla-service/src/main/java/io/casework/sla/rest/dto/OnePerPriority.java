package io.casework.sla.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.casework.sla.domain.Priority;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A plan's targets name each priority P1..P4 exactly once. */
@Documented
@Constraint(validatedBy = OnePerPriority.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface OnePerPriority {

    String message() default "must hold exactly one target for each priority P1, P2, P3 and P4";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OnePerPriority, List<PutPlanRequest.Target>> {

        @Override
        public boolean isValid(List<PutPlanRequest.Target> targets, ConstraintValidatorContext context) {
            if (targets == null || targets.stream().anyMatch(t -> t == null || t.priority() == null)) {
                return true; // @NotNull reports those
            }
            Set<Priority> distinct = targets.stream().map(PutPlanRequest.Target::priority)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Priority.class)));
            // Four targets, four distinct priorities: each of P1..P4 exactly once.
            return targets.size() == Priority.values().length && distinct.size() == targets.size();
        }
    }
}
