package io.casework.notifications.mail;

import static io.casework.testsupport.ApplicationProperties.under;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The link secret that signs survey and unsubscribe links has no built-in value in production: notification-service's
 * application.properties gives one only to the dev and test profiles, and SignedLinks (created at startup) refuses to
 * start without one — a public key would let anyone unsubscribe anyone from a known issue.
 */
class LinkSecretTest {

    private static final String PROPERTY = "casework.notifications.link-secret";

    @Test
    void startupIsRefusedWithoutASecretAndSaysWhatToSet() {
        for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of(" "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SignedLinks.secret(missing));
            assertTrue(refused.getMessage().contains(PROPERTY + " is not set"), refused.getMessage());
            assertTrue(refused.getMessage().contains("CASEWORK_LINK_SECRET"), refused.getMessage());
        }
        assertEquals("s3cret", SignedLinks.secret(Optional.of("s3cret")));
    }

    @Test
    void productionHasNoDefaultSecret() {
        assertEquals(Optional.empty(), under("prod", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void productionReadsCaseworkLinkSecretThenItsFormerName() {
        assertEquals(Optional.of("shared"), under("prod", Map.of("CASEWORK_LINK_SECRET", "shared",
                "NOTIFICATION_LINK_SECRET", "former")).getOptionalValue(PROPERTY, String.class));
        assertEquals(Optional.of("former"), under("prod", Map.of("NOTIFICATION_LINK_SECRET", "former"))
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
