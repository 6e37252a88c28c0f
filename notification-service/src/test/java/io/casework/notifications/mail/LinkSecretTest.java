package io.casework.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

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
    void productionHasNoDefaultSecret() throws IOException {
        assertEquals(Optional.empty(), config("prod", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void productionReadsCaseworkLinkSecretThenItsFormerName() throws IOException {
        assertEquals(Optional.of("shared"), config("prod", Map.of("CASEWORK_LINK_SECRET", "shared",
                "NOTIFICATION_LINK_SECRET", "former")).getOptionalValue(PROPERTY, String.class));
        assertEquals(Optional.of("former"), config("prod", Map.of("NOTIFICATION_LINK_SECRET", "former"))
                .getOptionalValue(PROPERTY, String.class));
    }

    @Test
    void devAndTestHaveTheirOwnPublicKeys() throws IOException {
        assertEquals(Optional.of("local-only-link-secret-change-me-in-production"),
                config("dev", Map.of()).getOptionalValue(PROPERTY, String.class));
        assertEquals(Optional.of("test-link-secret"), config("test", Map.of()).getOptionalValue(PROPERTY, String.class));
    }

    /** notification-service's application.properties under a profile, with {@code environment} as the only other source. */
    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL properties = LinkSecretTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250),
                        new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
