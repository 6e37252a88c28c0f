package io.casework.notifications.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An absolute https URL without credentials or fragment; http too where
 * casework.notifications.webhooks.allow-private-destinations is set (development), and then only to a private
 * address (WebhookDestinations checks where the host leads).
 */
@Documented
@Constraint(validatedBy = WebhookUrlValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebhookUrl {

    String message() default "must be an absolute https URL without user information";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
