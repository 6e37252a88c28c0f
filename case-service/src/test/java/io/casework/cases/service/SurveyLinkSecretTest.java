package io.casework.cases.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The survey link secret has no built-in value in production: case-service's application.properties gives one only
 * to the dev and test profiles, and SurveyLinks (created at startup) refuses to start without one.
 */
class SurveyLinkSecretTest {

    private static final String PROPERTY = "casework.links.secret";

    @Test
    void startupIsRefusedWithoutASecretAndSaysWhatToSet() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SurveyLinks.secret(missing));
            assertTrue(refused.getMessage().contains("casework.links.secret is not set"), refused.getMessage());
            assertTrue(refused.getMessage().contains("CASEWORK_LINK_SECRET"), refused.getMessage());
        }
        assertEquals("s3cret", SurveyLinks.secret(Optional.of("s3cret")));
    }

    @Test
    void productionHasNoDefaultSecret() throws IOException {
        assertEquals(Optional.empty(), config("prod", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void productionReadsCaseworkLinkSecret() throws IOException {
        assertEquals(Optional.of("from-the-environment"),
                config("prod", Map.of("CASEWORK_LINK_SECRET", "from-the-environment"))
                        .getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void devAndTestHaveTheirOwnPublicKeys() throws IOException {
        assertEquals(Optional.of("local-only-link-secret-change-me-in-production"),
                config("dev", Map.of()).getOptionalValue(PROPERTY, String.class));
        assertEquals(Optional.of("test-link-secret"), config("test", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    /** case-service's application.properties under a profile, with {@code environment} as the only other source. */
    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL properties = SurveyLinkSecretTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250),
                        new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
