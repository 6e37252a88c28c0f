package io.casework.notifications.rest.dto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlValidatorTest {

    private final WebhookUrlValidator production = new WebhookUrlValidator(false);
    private final WebhookUrlValidator development = new WebhookUrlValidator(true);

    @ParameterizedTest
    @ValueSource(strings = { "https://partner.example/hooks", "https://partner.example:8443/casework?x=1", "HTTPS://Partner.Example/" })
    void httpsUrlsAreAcceptedEverywhere(String url) {
        assertTrue(production.isValid(url, null));
        assertTrue(development.isValid(url, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:9000/hooks", "http://127.0.0.1:9000/hooks" })
    void plainHttpPassesOnlyWherePrivateDestinationsAreAllowedAndWebhookDestinationsThenChecksTheAddress(String url) {
        assertFalse(production.isValid(url, null));
        assertTrue(development.isValid(url, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://partner.example/hooks", "https://user:pw@partner.example/hooks",
            "/relative/path", "https:///no-host", "https://partner.example/hooks#fragment", "not a url" })
    void otherUrlsAreRefusedEvenWherePrivateDestinationsAreAllowed(String url) {
        assertFalse(development.isValid(url, null));
    }
}
