package io.casework.notifications.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.casework.notifications.config.NotificationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Links in mails that work without a login because they are signed (HMAC-SHA256 with
 * casework.notifications.link-secret, CASEWORK_LINK_SECRET). Formats are in docs/notifications.md; case-service verifies
 * survey links with the same secret. Created at startup, so that a missing secret stops the service at once rather than
 * at the first mail.
 */
@ApplicationScoped
@Startup
public class SignedLinks {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    /** Keeps an unsubscribe signature from ever being valid as a survey signature, and the reverse. */
    private static final String UNSUBSCRIBE_PURPOSE = "unsubscribe\n";

    private final NotificationConfig config;
    private final SecretKeySpec key;

    SignedLinks(NotificationConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(secret(config.linkSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The configured link secret, or a startup failure that says what to configure: a built-in key would be public,
     * and anyone could sign unsubscribe (and survey) links with it (dev and test profiles have their own).
     */
    static String secret(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "casework.notifications.link-secret is not set. Survey and unsubscribe links in mails are signed with an "
                        + "HMAC key shared with case-service: set the environment variable CASEWORK_LINK_SECRET to the "
                        + "same 32+ random bytes for both services (openssl rand -base64 32)."));
    }

    public record Unsubscription(UUID incidentId, String email) {
    }

    /**
     * {@code <base>/api/v1/cases/{caseId}/survey/signed?token={expiry}.{base64url(recipient)}.{signature}}: expiry in
     * epoch seconds, recipient the lower-case address the mail goes to, signature = base64url (no padding) of
     * HMAC-SHA256 over {@code "survey\n{caseId}\n{recipient}\n{expiry}"} (caseId lower-case). case-service verifies it.
     */
    public String survey(UUID caseId, String recipient, Instant now) {
        return config.publicBaseUrl() + "/api/v1/cases/" + caseId + "/survey/signed?token="
                + surveyToken(caseId, recipient, now.plus(config.surveyLinkValidity()).getEpochSecond());
    }

    public String surveyToken(UUID caseId, String recipient, long expiry) {
        String normalized = recipient.toLowerCase(Locale.ROOT);
        return expiry + "." + BASE64URL.encodeToString(normalized.getBytes(StandardCharsets.UTF_8)) + "."
                + sign("survey\n" + caseId.toString().toLowerCase(Locale.ROOT) + "\n" + normalized + "\n" + expiry);
    }

    /** Where a case mail links to: casework.notifications.case-url with the case's id and number filled in. */
    public String caseUrl(UUID caseId, String number) {
        return config.caseUrl().replace("{caseId}", caseId.toString())
                .replace("{number}", number == null ? "" : URLEncoder.encode(number, StandardCharsets.UTF_8));
    }

    /** {@code <base>/api/v1/notifications/unsubscribe?token=…} for one person and one known issue. */
    public String unsubscribe(UUID incidentId, String email) {
        String payload = BASE64URL.encodeToString((incidentId + "\n" + email).getBytes(StandardCharsets.UTF_8));
        return config.publicBaseUrl() + "/api/v1/notifications/unsubscribe?token=" + payload + "."
                + sign(UNSUBSCRIBE_PURPOSE + payload);
    }

    /** Who and what an unsubscribe token names, when its signature is ours. */
    public Optional<Unsubscription> verifyUnsubscribe(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] expected = sign(UNSUBSCRIBE_PURPOSE + payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(BASE64URL_DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", 2);
            return parts.length == 2 ? Optional.of(new Unsubscription(UUID.fromString(parts[0]), parts[1])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64URL.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
