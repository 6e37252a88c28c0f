package io.casework.notifications.rest.dto;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class WebhookUrlValidator implements ConstraintValidator<WebhookUrl, String> {

    static final String ALLOW_INSECURE_LOCALHOST = "casework.notifications.webhooks.allow-insecure-localhost";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    /** Null: read the setting at validation time (the validator factory is built before config mappings exist). */
    private final Boolean allowInsecureLocalhost;

    public WebhookUrlValidator() {
        this(null);
    }

    WebhookUrlValidator(Boolean allowInsecureLocalhost) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
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
            return "https".equals(scheme)
                    || ("http".equals(scheme) && allowInsecureLocalhost() && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean allowInsecureLocalhost() {
        return allowInsecureLocalhost != null ? allowInsecureLocalhost
                : ConfigProvider.getConfig().getOptionalValue(ALLOW_INSECURE_LOCALHOST, Boolean.class).orElse(false);
    }
}
