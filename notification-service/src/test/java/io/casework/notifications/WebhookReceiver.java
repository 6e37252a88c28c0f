package io.casework.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's endpoint: the JDK's HTTP server on a free local port. It verifies each request's signature with
 * the webhook's secret and the official Standard Webhooks library, answers 401 to a bad one, and counts the
 * requests it accepted per Webhook-Id. It can fail the first attempt of each event, or every attempt.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request whose signature checked out. */
    public record Received(String id, String timestamp, String signature, String contentType, String body, int answer,
            String host) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String secret;
    private volatile int failuresPerEvent;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The secret the webhook's registration returned. */
    public WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    public String secret() {
        return secret;
    }

    /** Answers 500 to the first {@code failures} correctly signed requests of each event, then 204. */
    public WebhookReceiver failing(int failures) {
        this.failuresPerEvent = failures;
        return this;
    }

    /** Requests with a valid signature for {@code eventId}, whatever the answer. */
    public List<Received> attempts(String eventId) {
        return received.stream().filter(r -> r.id().equals(eventId)).toList();
    }

    /** Requests for {@code eventId} that were answered 2xx. */
    public List<Received> accepted(String eventId) {
        return attempts(eventId).stream().filter(r -> r.answer() < 300).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    /** Requests refused because the signature did not verify. */
    public int refused() {
        return refused.get();
    }

    /** Posts a request to this receiver as a sender would; returns the HTTP status. */
    public int post(String id, String timestamp, String signature, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url()))
                    .header("Webhook-Id", id).header("Webhook-Timestamp", timestamp).header("Webhook-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("Webhook-Id");
            String timestamp = exchange.getRequestHeaders().getFirst("Webhook-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Webhook-Signature");
            if (secret == null || !verify(secret, id, timestamp, body, signature)) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            int answer = failuresLeft.computeIfAbsent(id, k -> new AtomicInteger(failuresPerEvent)).getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(id, timestamp, signature, exchange.getRequestHeaders().getFirst("Content-Type"), body, answer,
                    exchange.getRequestHeaders().getFirst("Host")));
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    /**
     * Verification as a partner does it: with the official Standard Webhooks library
     * (com.standardwebhooks:standardwebhooks), which checks the timestamp (5 minutes) and accepts any of the
     * space-separated signatures. Secrets issued before 2026-12 (base64url) are converted first, as
     * docs/notifications.md tells partners to.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                "webhook-signature", List.of(signatureHeader));
        try {
            new Webhook(standardSecret(secret)).verify(body, headers);
            return true;
        } catch (WebhookVerificationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A secret as the Standard Webhooks libraries take it: base64url ones (issued before 2026-12) converted. */
    public static String standardSecret(String secret) {
        String encoded = secret.substring("whsec_".length()).replace('-', '+').replace('_', '/');
        return "whsec_" + encoded + "=".repeat((4 - encoded.length() % 4) % 4);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
