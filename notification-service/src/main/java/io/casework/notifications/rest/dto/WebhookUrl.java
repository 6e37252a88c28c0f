package io.casework.notifications.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An absolute https URL without credentials; http://localhost and http://127.0.0.1 only where
 * casework.notifications.webhooks.allow-insecure-localhost is set (dev and tests).
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
