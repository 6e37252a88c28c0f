package io.casework.cases.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.casework.cases.config.LinkConfig;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Verifies the survey link of a closing mail, signed by notification-service (docs/notifications.md, "Survey link"):
 * {@code token = {expiry}.{base64url(recipient)}.{base64url(HMAC-SHA256(secret, "survey\n{caseId}\n{recipient}\n{expiry}"))}},
 * caseId as lower-case UUID text, recipient the lower-case address the mail went to, expiry in epoch seconds.
 * Created at startup, so that a missing secret stops the service at once rather than at the first survey answer.
 */
@ApplicationScoped
@Startup
public class SurveyLinks {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    @Inject
    SurveyLinks(LinkConfig config) {
        this(secret(config.secret()));
    }

    /**
     * The configured link secret, or a startup failure that says what to configure: a built-in key would be public,
     * and anyone could sign survey links with it (dev and test profiles have their own).
     */
    static String secret(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "casework.links.secret is not set. Survey links in closing mails are verified with an HMAC key shared "
                        + "with notification-service: set the environment variable CASEWORK_LINK_SECRET to the same "
                        + "32+ random bytes for both services (openssl rand -base64 32)."));
    }

    public SurveyLinks(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The recipient the link was made for. A token that is malformed or not signed with our secret for this case:
     * 403; a genuine one past its expiry: 410.
     */
    public String verify(UUID caseId, String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw tampered();
        }
        long expiry;
        String recipient;
        try {
            expiry = Long.parseLong(parts[0]);
            recipient = new String(BASE64URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
        byte[] expected = sign(caseId, recipient, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw tampered();
        }
        if (now.getEpochSecond() > expiry) {
            throw new CaseRuleException(Kind.GONE, "Survey link expired",
                    "This survey link expired on " + Instant.ofEpochSecond(expiry) + "; links work for 30 days after the case closed");
        }
        return recipient;
    }

    /** When a verified token expires. */
    public Instant expiry(String token) {
        return Instant.ofEpochSecond(Long.parseLong(token.substring(0, token.indexOf('.'))));
    }

    /** The token for {@code recipient} (what notification-service puts in the mail; for tests and tools). */
    public String token(UUID caseId, String recipient, long expiry) {
        String normalized = recipient.toLowerCase(Locale.ROOT);
        return expiry + "." + BASE64URL.encodeToString(normalized.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(caseId, normalized, expiry);
    }

    private String sign(UUID caseId, String recipient, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String message = "survey\n" + caseId.toString().toLowerCase(Locale.ROOT) + "\n" + recipient + "\n" + expiry;
            return BASE64URL.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static CaseRuleException tampered() {
        return new CaseRuleException(Kind.FORBIDDEN, "Invalid survey link",
                "This survey link is not valid for this case: use the link from the closing mail as it is");
    }
}
