package io.casework.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The load client's token cache against the stack's real Keycloak. Keycloak 26 refuses a login of a user while another
 * login of the same user is in progress (brute-force protection is on in the casework realm); load threads that found
 * the cached token stale at the same moment used to log in together, were refused and ran out of retries — what
 * earlier notes reported as demo users locked out by benchmarks and fault runs.
 */
class TokensIT {

    @Test
    void threadsNeedingATokenOfOneUserAtOnceShareOneLogin() throws Exception {
        String who = "bob@acme.example";
        Http.forget(who);
        int before = Http.tokenRequests();
        List<Callable<String>> callers = IntStream.range(0, 8).<Callable<String>>mapToObj(i -> () -> Http.token(who))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<String> tokens = pool.invokeAll(callers).stream().map(TokensIT::get).toList();
            assertEquals(1, tokens.stream().distinct().count(), "every thread got the one token: " + tokens.size());
        }
        assertEquals(1, Http.tokenRequests() - before, "one login at Keycloak for eight threads");
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
