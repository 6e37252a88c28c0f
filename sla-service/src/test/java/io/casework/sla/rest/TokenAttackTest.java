package io.casework.sla.rest;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.ForgedTokens;
import io.casework.testsupport.fuzz.TokenAttacks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the OpenAPI document refuses forged, expired and misdirected tokens with a 401 problem. */
@QuarkusTest
class TokenAttackTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationRefusesEveryForgedToken() {
        String summary = TokenAttacks.against(base)
                .attacks(ForgedTokens.attacks("ada@casework.example", "casework", "admin", "agent", "ops"))
                .withoutRoles(ForgedTokens.withoutRoles("nobody@acme.example", "acme"))
                .pathValues(SlaFuzzValues::path)
                .run();
        System.out.println(summary);
    }
}
