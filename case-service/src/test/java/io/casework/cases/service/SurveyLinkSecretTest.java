package io.casework.cases.service;

import static io.casework.testsupport.ApplicationProperties.under;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

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
    void productionHasNoDefaultSecret() {
        assertEquals(Optional.empty(), under("prod", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void productionReadsCaseworkLinkSecret() {
        assertEquals(Optional.of("from-the-environment"),
                under("prod", Map.of("CASEWORK_LINK_SECRET", "from-the-environment"))
                        .getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void devAndTestHaveTheirOwnPublicKeys() {
        assertEquals(Optional.of("local-only-link-secret-change-me-in-production"),
                under("dev", Map.of()).getOptionalValue(PROPERTY, String.class));
        assertEquals(Optional.of("test-link-secret"),
                under("test", Map.of()).getOptionalValue(PROPERTY, String.class));
    }
}
