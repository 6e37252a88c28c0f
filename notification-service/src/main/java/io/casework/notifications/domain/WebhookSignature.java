package io.casework.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} + base64 of HMAC-SHA256 over {@code id + "." + timestamp + "." + body},
 * keyed with the bytes the secret encodes (after {@code whsec_}).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /**
     * A new signing secret: {@code whsec_} + standard base64 (RFC 4648 §4, padded) of 32 random bytes, the form the
     * official Standard Webhooks libraries decode.
     */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the Webhook-Signature header for one attempt. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** One space-separated {@code v1,} signature per secret (two while a rotated secret is still honoured). */
    public static String sign(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /**
     * The key bytes. Secrets issued before 2026-12 are base64url without padding; they keep working, so both
     * alphabets are read (they differ only in {@code -_} versus {@code +/}).
     */
    static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("Not a webhook secret");
        }
        String encoded = secret.substring(SECRET_PREFIX.length());
        boolean urlAlphabet = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0;
        return (urlAlphabet ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(encoded);
    }
}
