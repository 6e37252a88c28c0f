package io.casework.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TokensTest {

    @Test
    void aTestTokenOutlivesTheLongestTestRun() throws Exception {
        String token = Tokens.of("alice@acme.example", "acme", "customer");
        JsonNode claims = new ObjectMapper().readTree(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        long lifespan = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertTrue(lifespan >= 3 * 3600, "tokens reused by a whole suite must outlive it, lifespan " + lifespan + " s");
    }
}
