package io.casework.status.reliability;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.ForgedTokens;
import io.casework.testsupport.fuzz.TokenAttacks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every secured operation of the OpenAPI document refuses forged, expired and misdirected tokens with a 401
 * problem; the public feeds and page may ignore a bad token but never fail on it.
 */
@QuarkusTest
class TokenAttackTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationRefusesEveryForgedToken() {
        String incident = UUID.randomUUID().toString();
        String summary = TokenAttacks.against(base)
                .attacks(ForgedTokens.attacks("olga@casework.example", "casework", "status-publisher", "ops", "agent"))
                .withoutRoles(ForgedTokens.withoutRoles("nobody@acme.example", "acme"))
                .pathValues((op, name) -> op.path().contains("/products/") ? "cloud-mail" : incident)
                // server-sent events never end (its OpenAPI entry does not say text/event-stream)
                .skip(op -> op.path().endsWith("/stream"))
                .run();
        System.out.println(summary);
    }
}
