package io.casework.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import io.restassured.path.json.JsonPath;

/** A small blocking HTTP client for load and checks: bounded timeouts, tokens cached and refreshed before they expire. */
public final class Http {

    public static final String GATEWAY = env("CASEWORK_GATEWAY", "http://localhost:8080");
    public static final String KEYCLOAK = env("CASEWORK_KEYCLOAK", "http://localhost:8180");
    public static final String MAIL_API = env("CASEWORK_MAIL_API", "http://127.0.0.1:8025");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    /**
     * One token request per user at a time. Keycloak 26's brute-force protector (on in the casework realm) refuses a
     * login while another login of the same user is in progress ("Account temporarily disabled", invalid_grant): load
     * threads that all found the cached token stale and asked at once were refused, retried and ran out of attempts,
     * which looked like demo users locked out by benchmarks and fault runs.
     */
    private static final Map<String, ReentrantLock> TOKEN_LOCKS = new ConcurrentHashMap<>();
    private static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();

    private record Token(String value, Instant refreshAt) {
    }

    /** One answer; status 0 when no answer came (connection refused or reset, timeout). */
    public record Answer(int status, String body, String contentType, String error) {
        public JsonPath json() {
            return JsonPath.from(body);
        }

        public boolean answered() {
            return status > 0;
        }
    }

    private Http() {
    }

    public static Answer send(String method, String url, String bearer, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), null);
        } catch (IOException e) {
            return new Answer(0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "", "interrupted");
        }
    }

    public static Answer get(String url, String bearer) {
        return send("GET", url, bearer, null, Map.of());
    }

    /** Token of a demo user (password grant) or, for a name without '@', of a confidential client. */
    public static String token(String who) {
        Token t = TOKENS.get(who);
        if (t != null && Instant.now().isBefore(t.refreshAt())) {
            return t.value();
        }
        ReentrantLock lock = TOKEN_LOCKS.computeIfAbsent(who, k -> new ReentrantLock());
        lock.lock();
        try {
            t = TOKENS.get(who);
            if (t != null && Instant.now().isBefore(t.refreshAt())) {
                return t.value(); // fetched by the thread that held the lock
            }
            return fetchWithRetries(who);
        } finally {
            lock.unlock();
        }
    }

    private static String fetchWithRetries(String who) {
        String form = who.contains("@")
                ? "grant_type=password&client_id=casework-cli&password=demo&username=" + URLEncoder.encode(who, StandardCharsets.UTF_8)
                : "grant_type=client_credentials&client_id=" + who + "&client_secret=" + who + "-secret";
        // Up to five attempts a second apart (each bounded by its 15 s request timeout): Keycloak may be restarting
        // under a fault run.
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        try {
            return Awaitility.await("a token for " + who).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(90))
                    .failFast("five attempts failed", () -> attempts.get() >= 5)
                    .until(() -> {
                        attempts.incrementAndGet();
                        return fetchToken(who, form, failure);
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException("no token for " + who + ": " + failure.get(), e);
        }
    }

    /** One token request: the token (cached until half its life), or null with the reason in {@code failure}. */
    private static String fetchToken(String who, String form, AtomicReference<String> failure) throws InterruptedException {
        TOKEN_REQUESTS.incrementAndGet();
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                    URI.create(KEYCLOAK + "/realms/casework/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonPath j = JsonPath.from(r.body());
                long life = j.getLong("expires_in");
                Token fresh = new Token(j.getString("access_token"), Instant.now().plusSeconds(Math.max(10, life / 2)));
                TOKENS.put(who, fresh);
                return fresh.value();
            }
            failure.set(r.statusCode() + " " + r.body());
        } catch (IOException e) {
            failure.set("Keycloak not reachable: " + e);
        }
        return null;
    }

    /** Token requests sent to Keycloak so far (tests of the cache). */
    static int tokenRequests() {
        return TOKEN_REQUESTS.get();
    }

    /** Drops the cached token of {@code who}: the next {@link #token} asks Keycloak. */
    static void forget(String who) {
        TOKENS.remove(who);
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
