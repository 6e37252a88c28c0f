package io.casework.status.rest;

import static io.casework.status.rest.StatusFixtures.OLGA;
import static io.casework.status.rest.StatusFixtures.publish;
import static io.casework.status.rest.StatusFixtures.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StatusStreamTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    record Sse(String id, String name, String data) {
    }

    @Test
    void publishedChangesArriveLiveAndAReconnectWithLastEventIdGetsWhatItMissed() throws Exception {
        String id;
        String publishedEventId;
        try (Stream stream = open(null, null)) {
            id = publish("Streamed " + UUID.randomUUID(), "cloud-drive");
            Sse published = stream.next(e -> e.data().contains(id));
            assertEquals("incident-published", published.name());
            assertTrue(published.data().contains("\"state\":\"INVESTIGATING\""));
            assertFalse(published.data().contains("author"), "staff addresses are not streamed");
            publishedEventId = published.id();
        }

        update(id, "IDENTIFIED", "Missed while disconnected.");

        try (Stream resumed = open(publishedEventId, null)) {
            Sse missed = resumed.next(e -> e.data().contains(id));
            assertEquals("incident-updated", missed.name());
            assertTrue(missed.data().contains("Missed while disconnected."));
            assertTrue(Long.parseLong(missed.id()) > Long.parseLong(publishedEventId));
        }
    }

    @Test
    void customersOnlyIncidentsAreStreamedOnlyToSignedInListeners() throws Exception {
        try (Stream anonymous = open(null, null); Stream publisher = open(null, OLGA)) {
            String hidden = publish("Streamed to customers " + UUID.randomUUID(), "identity", "LOW",
                    "\"visibility\": \"CUSTOMERS\",");
            String shown = publish("Streamed to all " + UUID.randomUUID(), "identity");

            Sse toPublisher = publisher.next(e -> e.data().contains(hidden));
            assertTrue(toPublisher.data().contains("olga@casework.example"), "staff see who published");
            // Same order for everyone: once the public one arrives, the hidden one would have come before it.
            List<Sse> before = anonymous.until(e -> e.data().contains(shown));
            assertTrue(before.stream().noneMatch(e -> e.data().contains(hidden)));
        }
    }

    @Test
    void malformedLastEventIdIsRejected() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri())
                .header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/api/v1/status/stream");
    }

    Stream open(String lastEventId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return new Stream(client, response);
    }

    /** Reads events on a virtual thread into a queue, so that the test can wait for them with a deadline. */
    static final class Stream implements AutoCloseable {
        private final HttpClient client;
        private final HttpResponse<java.io.InputStream> response;
        private final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        Stream(HttpClient client, HttpResponse<java.io.InputStream> response) {
            this.client = client;
            this.response = response;
            this.reader = Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Sse(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        Sse next(java.util.function.Predicate<Sse> match) throws InterruptedException {
            return until(match).getLast();
        }

        /** The events up to and including the first that matches. */
        List<Sse> until(java.util.function.Predicate<Sse> match) throws InterruptedException {
            List<Sse> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                Sse event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No matching event within 20 s; got " + seen);
                }
                seen.add(event);
                if (match.test(event)) {
                    return seen;
                }
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            reader.interrupt();
            client.close();
        }
    }
}
