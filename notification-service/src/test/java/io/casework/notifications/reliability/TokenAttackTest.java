package io.casework.notifications.reliability;

import java.net.URI;
import java.util.UUID;

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
        String id = UUID.randomUUID().toString();
        String summary = TokenAttacks.against(base)
                .attacks(ForgedTokens.attacks("root@casework.example", "casework", "admin", "ops", "agent", "partner"))
                .withoutRoles(ForgedTokens.withoutRoles("nobody@acme.example", "acme"))
                .pathValues((op, name) -> id)
                .run();
        System.out.println(summary);
    }
}
