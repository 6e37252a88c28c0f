package io.casework.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens that every service must refuse with 401: each one is wrong in exactly one way, otherwise shaped like
 * {@link Tokens#of} (same subject, organization, roles and, where the attack allows, the test issuer's real key).
 */
public final class ForgedTokens {

    /** The issuer that the services trust in tests ({@code %test.quarkus.oidc.token.issuer}). */
    public static final String ISSUER = "https://server.example.com";
    /** The test issuer's signing key on the classpath (quarkus-test-oidc-server), key id {@code 1}. */
    private static final String TRUSTED_KEY = "privateKey.jwk";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair ATTACKER = rsaKeyPair();

    private ForgedTokens() {
    }

    /**
     * The token attacks, by name: expired, not yet valid, wrong issuer, wrong audience, {@code alg: none},
     * tampered payload, bit-flipped signature, unknown key id, the right key id with another key, HS256 keyed
     * with the issuer's public modulus, no signature, garbage and an empty bearer.
     */
    public static Map<String, String> attacks(String email, String org, String... roles) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", claims(email, org, roles).issuedAt(now.minusSeconds(7200))
                .expiresAt(now.minusSeconds(3600)).jws().keyId("1").sign(TRUSTED_KEY));
        tokens.put("not yet valid", claims(email, org, roles).claim("nbf", now.plusSeconds(3600).getEpochSecond())
                .jws().keyId("1").sign(TRUSTED_KEY));
        tokens.put("wrong issuer", claims(email, org, roles).issuer("https://evil.example.com")
                .jws().keyId("1").sign(TRUSTED_KEY));
        tokens.put("wrong audience", claims(email, org, roles).audience("another-api").jws().keyId("1").sign(TRUSTED_KEY));
        tokens.put("no audience", Jwt.issuer(ISSUER).subject(email).upn(email).groups(Set.of(roles))
                .claim("email", email).claim("org", org).expiresIn(600).jws().keyId("1").sign(TRUSTED_KEY));
        String valid = Tokens.of(email, org, roles);
        String[] parts = valid.split("\\.");
        tokens.put("alg none", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", parts[1]));
        tokens.put("alg none, kid 1", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"1\"}", parts[1]));
        tokens.put("tampered payload", parts[0] + "." + B64.encodeToString(
                escalated(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        tokens.put("tampered signature", parts[0] + "." + parts[1] + "." + flipped(parts[2]));
        tokens.put("signature removed", parts[0] + "." + parts[1] + ".");
        tokens.put("unknown key id", claims(email, org, roles).jws().keyId("attacker-key").sign(ATTACKER.getPrivate()));
        tokens.put("right key id, wrong key", claims(email, org, roles).jws().keyId("1").sign(ATTACKER.getPrivate()));
        tokens.put("no key id, wrong key", claims(email, org, roles).sign(ATTACKER.getPrivate()));
        tokens.put("HS256 with a guessable secret", claims(email, org, roles).jws().keyId("1")
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec("casework-api-casework-api-casework-api".getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256")));
        tokens.put("garbage", "not-a-jwt");
        tokens.put("three dots of garbage", "eyJhbGciOiJSUzI1NiJ9.%%%.@@@");
        tokens.put("huge", "a".repeat(6000) + "." + "b".repeat(6000) + "." + "c".repeat(600));
        return tokens;
    }

    /** A token from the trusted issuer for the right audience, with no roles at all. */
    public static String withoutRoles(String email, String org) {
        return Tokens.of(email, org);
    }

    private static JwtClaimsBuilder claims(String email, String org, String... roles) {
        return Jwt.issuer(ISSUER).subject(email).upn(email).preferredUserName(email).audience(Tokens.AUDIENCE)
                .groups(Set.of(roles)).claim("email", email).claim("org", org).expiresIn(600);
    }

    private static String unsigned(String header, String payload) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    }

    /** The same claims, raised to admin of another organization: the signature no longer matches. */
    private static String escalated(String payloadJson) {
        return payloadJson.replaceFirst("\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"admin\",\"agent\",\"ops\"]")
                .replaceFirst("\"org\":\"[^\"]*\"", "\"org\":\"casework\"")
                .replaceFirst("^\\{", "{\"tampered\":true,");
    }

    private static String flipped(String signature) {
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        bytes[bytes.length / 2] ^= 0x01;
        return B64.encodeToString(bytes);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
