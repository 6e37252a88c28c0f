package io.casework.cases.reliability;

import static io.casework.cases.CaseApi.ALICE;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.casework.cases.CaseApi;
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
        String caseId = CaseApi.file(ALICE, "P3");
        String summary = TokenAttacks.against(base)
                .attacks(ForgedTokens.attacks("root@casework.example", "casework", "admin", "agent"))
                .withoutRoles(ForgedTokens.withoutRoles("nobody@acme.example", "acme"))
                .pathValues(new CaseFuzzValues("acme", caseId, null)::path)
                .run();
        System.out.println(summary);
    }
}
