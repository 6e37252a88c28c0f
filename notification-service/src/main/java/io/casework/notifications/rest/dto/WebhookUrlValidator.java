package io.casework.notifications.rest.dto;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class WebhookUrlValidator implements ConstraintValidator<WebhookUrl, String> {

    static final String ALLOW_PRIVATE_DESTINATIONS = "casework.notifications.webhooks.allow-private-destinations";

    /** Null: read the setting at validation time (the validator factory is built before config mappings exist). */
    private final Boolean allowPrivateDestinations;

    public WebhookUrlValidator() {
        this(null);
    }

    WebhookUrlValidator(Boolean allowPrivateDestinations) {
        this.allowPrivateDestinations = allowPrivateDestinations;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true; // @NotNull says so
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            // Where the host leads is checked by WebhookDestinations, which takes plain http only to a private address.
            return "https".equals(scheme) || ("http".equals(scheme) && allowPrivateDestinations());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean allowPrivateDestinations() {
        return allowPrivateDestinations != null ? allowPrivateDestinations
                : ConfigProvider.getConfig().getOptionalValue(ALLOW_PRIVATE_DESTINATIONS, Boolean.class).orElse(false);
    }
}
