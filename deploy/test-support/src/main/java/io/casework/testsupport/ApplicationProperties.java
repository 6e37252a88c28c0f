package io.casework.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's own application.properties read as it would be under a profile, without starting Quarkus: for tests of
 * what a deployment gets when it sets (or forgets) an environment variable.
 */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    /** application.properties on the class path under {@code profile}; {@code environment} is its only other source. */
    public static SmallRyeConfig under(String profile, Map<String, String> environment) {
        URL properties = ApplicationProperties.class.getClassLoader().getResource("application.properties");
        if (properties == null) {
            throw new IllegalStateException("no application.properties on the class path");
        }
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties, 250),
                            new PropertiesConfigSource(environment, "environment", 300))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configuration a service's jar starts with under {@code profile}: its application.properties, the defaults of
     * its libraries ({@code META-INF/microprofile-config.properties} on the class path, e.g. messaging-support's) and this
     * process's environment and system properties.
     */
    public static SmallRyeConfig effective(String profile) {
        URL properties = ApplicationProperties.class.getClassLoader().getResource("application.properties");
        if (properties == null) {
            throw new IllegalStateException("no application.properties on the class path");
        }
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors().addDefaultSources().withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties, 250)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
