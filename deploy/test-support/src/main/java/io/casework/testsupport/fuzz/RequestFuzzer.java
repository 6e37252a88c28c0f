package io.casework.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.testsupport.fuzz.ApiOperations.Operation;
import io.casework.testsupport.fuzz.ApiOperations.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based and mutation fuzzing of a running service, driven by its OpenAPI document. Each generated request
 * targets one operation with a token that may call it, and breaks its path, query, headers or body (see
 * {@link JsonMutator}, {@link HostileInput}; multipart uploads get hostile file names, zero-byte and oversize
 * files). The properties, checked on every request:
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>every refusal (4xx) is {@code application/problem+json} with a JSON body;</li>
 * <li>a refused write leaves every table of the service's database with the row count it had.</li>
 * </ul>
 * Values come from jqwik arbitraries with a seed ({@code -Dfuzz.seed=...} replays a run); the number of
 * requests is {@code -Dfuzz.requests} when set.
 */
public final class RequestFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 25;

    private final URI base;
    private final ApiOperations api;
    private final Map<String, String> tokensByRole = new LinkedHashMap<>();
    private BiFunction<Operation, String, String> pathValues = (op, name) -> null;
    private Predicate<Operation> skip = op -> false;
    private TableCounts database;
    private Runnable settle = () -> { };
    private int requests = 2500;
    private final long seed;

    private RequestFuzzer(URI base, ApiOperations api) {
        this.base = base;
        this.api = api;
        this.seed = Long.getLong("fuzz.seed", new Random().nextLong());
    }

    public static RequestFuzzer against(URI base) {
        return new RequestFuzzer(base, ApiOperations.of(base));
    }

    /** A token for each role, in order of preference: an operation is called with the first one it allows. */
    public RequestFuzzer token(String role, String token) {
        tokensByRole.put(role, token);
        return this;
    }

    /** Known good values for path parameters (an existing case, incident...); null for none. */
    public RequestFuzzer pathValues(BiFunction<Operation, String, String> values) {
        this.pathValues = values;
        return this;
    }

    public RequestFuzzer skip(Predicate<Operation> operations) {
        this.skip = skip.or(operations);
        return this;
    }

    /** The service's database, whose row counts a refused write must not change. */
    public RequestFuzzer database(TableCounts counts) {
        this.database = counts;
        return this;
    }

    /**
     * Runs before the database snapshot of every write, so that effects a service applies lazily on any request (a
     * contract whose end date has passed lapses on its organization's next request, refused or not) have happened
     * before the snapshot, and are not taken for the effect of the refused write that follows.
     */
    public RequestFuzzer settle(Runnable action) {
        this.settle = action;
        return this;
    }

    public RequestFuzzer requests(int count) {
        this.requests = Integer.getInteger("fuzz.requests", count);
        return this;
    }

    /** Sends the requests one after the other and checks the properties; see {@link Report#assertNoFailures()}. */
    public Report run() {
        List<Operation> operations = api.all().stream().filter(op -> !op.streaming() && !skip.test(op)).toList();
        if (operations.isEmpty()) {
            throw new IllegalStateException("No operations to fuzz in the OpenAPI document of " + base);
        }
        Draws draws = new Draws(new Random(seed));
        JsonMutator mutator = new JsonMutator(draws);
        Arbitrary<Operation> pick = Arbitraries.frequency(operations.stream()
                .map(op -> Tuple.of(op.bodies().isEmpty() ? 2 : 5, op)).toArray(Tuple.Tuple2[]::new));
        Report report = new Report(seed, operations.size());
        long started = System.nanoTime();
        JqwikSession.start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            for (int i = 0; i < requests; i++) {
                Operation op = draws.draw(pick);
                Generated request;
                try {
                    request = generate(op, draws, mutator);
                } catch (IllegalArgumentException unsendable) {
                    report.unsendable++;
                    continue;
                }
                Map<String, Long> before = null;
                if (op.writes() && database != null) {
                    settle.run();
                    before = database.snapshot();
                }
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.request(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (java.io.IOException e) {
                    report.fail(op, request, -1, "I/O error: " + e, null);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                report.count(op, response.statusCode());
                check(op, request, response, before, report);
            }
        } finally {
            JqwikSession.finish();
        }
        report.elapsed = Duration.ofNanos(System.nanoTime() - started);
        return report;
    }

    private void check(Operation op, Generated request, HttpResponse<byte[]> response, Map<String, Long> before,
            Report report) {
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            report.fail(op, request, status, "server error", body);
            return;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                report.fail(op, request, status, "refusal is not problem+json but '" + type + "'", body);
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (!problem.isObject() || !problem.has("status") && !problem.has("title")) {
                        report.fail(op, request, status, "problem+json body without status or title", body);
                    }
                } catch (java.io.IOException e) {
                    report.fail(op, request, status, "problem+json body is not JSON", body);
                }
            }
            if (before != null) {
                report.refusedWritesChecked++;
                List<String> diff = TableCounts.differences(before, database.snapshot());
                if (!diff.isEmpty()) {
                    report.fail(op, request, status, "refused write changed the database: " + diff, body);
                }
            }
        }
    }

    private record Generated(HttpRequest request, String description) {
    }

    private Generated generate(Operation op, Draws draws, JsonMutator mutator) {
        List<String> what = new ArrayList<>();
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String known = pathValues.apply(op, p.name());
            String value;
            if (known != null && draws.random().nextInt(10) < 8) {
                value = encode(known);
            } else if (draws.random().nextBoolean()) {
                String hostile = draws.draw(HostileInput.strings());
                value = encodeAtMost(hostile, 600);
                what.add("path " + p.name() + "=" + abbreviate(hostile));
            } else {
                value = encode(api.sample(p.schema()).asText());
            }
            if (value.isEmpty()) {
                value = "%20";
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        // request lines stay within the HTTP server's limit (4 kB): longer ones get 414 before any application code
        int queryBudget = 2400 / Math.max(1, op.in("query").size());
        for (Parameter p : op.in("query")) {
            int choice = draws.random().nextInt(10);
            if (choice < 3 && !p.required()) {
                continue;
            }
            String value;
            if (choice < 6) {
                value = encode(api.sample(p.schema()).asText());
            } else {
                String hostile = draws.draw(HostileInput.strings());
                value = encodeAtMost(hostile, queryBudget);
                what.add("query " + p.name() + "=" + abbreviate(hostile));
            }
            query.append(query.isEmpty() ? "?" : "&").append(encode(p.name())).append('=').append(value);
        }
        if (draws.random().nextInt(8) == 0) {
            String raw = draws.draw(Arbitraries.of("%FF", "%C3%28", "%00", "%ED%A0%80", "%E2%82", "%C0%AF%2e%2e"));
            String name = op.in("query").isEmpty() ? "unknown" : op.in("query").getFirst().name();
            query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(raw);
            what.add("query " + name + " invalid UTF-8 " + raw);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.resolve("/") + path.substring(1) + query))
                .timeout(Duration.ofSeconds(20));
        String token = token(op, draws);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (Parameter p : op.in("header")) {
            if (draws.random().nextBoolean()) {
                String value = draws.random().nextBoolean() ? api.sample(p.schema()).asText()
                        : draws.draw(HostileInput.headerValues());
                builder.header(p.name(), value);
                what.add("header " + p.name() + "=" + abbreviate(value));
            }
        }
        if (draws.random().nextInt(4) == 0) {
            String name = draws.draw(Arbitraries.of("Accept", "Accept-Language", "If-Match", "If-None-Match",
                    "If-Modified-Since", "Idempotency-Key", "X-Request-Id", "Origin", "X-Forwarded-For", "Range",
                    "Accept-Charset", "Cookie", "traceparent"));
            String value = draws.draw(HostileInput.headerValues());
            builder.header(name, value);
            what.add("header " + name + "=" + abbreviate(value));
        }
        byte[] body = new byte[0];
        String contentType = null;
        if (!op.bodies().isEmpty()) {
            String declared = draws.draw(Arbitraries.of(List.copyOf(op.bodies().keySet())));
            if (declared.startsWith("multipart/")) {
                Multipart multipart = multipart(op.bodies().get(declared), draws);
                body = multipart.bytes();
                contentType = multipart.contentType();
                what.add(multipart.description());
            } else if (declared.contains("json")) {
                JsonMutator.Body mutated = mutator.mutate(api.sample(op.bodies().get(declared)), declared);
                body = mutated.bytes();
                contentType = mutated.contentType();
                what.add("body " + mutated.mutation());
            } else {
                body = draws.draw(HostileInput.strings()).getBytes(StandardCharsets.UTF_8);
                contentType = declared.contains("*") ? "application/octet-stream" : declared;
                what.add("body of " + body.length + " bytes");
            }
        } else if (op.writes() && draws.random().nextInt(5) == 0) {
            body = draws.draw(HostileInput.strings()).getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
            what.add("unexpected body of " + body.length + " bytes");
        }
        if (contentType != null && !contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        builder.method(op.method(), body.length == 0 && !op.writes() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        String description = op.method() + " " + abbreviate(path + query)
                + (token == null ? " (anonymous)" : "") + " " + String.join("; ", what);
        return new Generated(builder.build(), description);
    }

    private String token(Operation op, Draws draws) {
        if (!op.secured()) {
            return draws.random().nextBoolean() || tokensByRole.isEmpty() ? null : tokensByRole.values().iterator().next();
        }
        List<String> allowed = tokensByRole.entrySet().stream().filter(e -> op.roles().contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (allowed.isEmpty()) {
            return tokensByRole.isEmpty() ? null : tokensByRole.values().iterator().next();
        }
        // mostly the preferred identity, so that deep validation is reached; sometimes another allowed one
        return draws.random().nextInt(4) == 0 ? draws.draw(Arbitraries.of(allowed)) : allowed.getFirst();
    }

    private record Multipart(byte[] bytes, String contentType, String description) {
    }

    /** A multipart body with a hostile file name, a zero-byte, oversize or random file, and hostile fields. */
    private Multipart multipart(JsonNode schema, Draws draws) {
        String boundary = "fuzz" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> what = new ArrayList<>();
        JsonNode properties = api.resolve(schema).path("properties");
        List<String> names = new ArrayList<>();
        properties.properties().forEach(e -> names.add(e.getKey()));
        for (String name : names) {
            JsonNode property = api.resolve(properties.get(name));
            boolean file = "binary".equals(property.path("format").asText());
            if (draws.random().nextInt(10) == 0) {
                what.add("no part " + name);
                continue;
            }
            if (file) {
                String filename = draws.draw(Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("../../../../etc/passwd", "..\\..\\boot.ini", "/etc/shadow",
                                "....//x.txt", "%2e%2e%2fsecret.txt", "a\u0000.txt.exe", "report.pdf\u202etxt.exe", "",
                                ".", "..", "CON", "nul.txt", "<script>.txt", "x\r\nContent-Type: text/html.txt",
                                "\"quoted\".txt", "日本語.txt", ".htaccess")),
                        Tuple.of(1, Arbitraries.of(300, 5_000).map(n -> "n".repeat(n) + ".txt")),
                        Tuple.of(2, Arbitraries.of("logs.txt", "bundle.zip", "screenshot.png"))));
                int size = draws.draw(Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(3, 1_000),
                        Tuple.of(1, 64 * 1024), Tuple.of(1, 64 * 1024 + 1), Tuple.of(1, 300_000)));
                byte[] content = new byte[size];
                draws.random().nextBytes(content);
                String type = draws.draw(Arbitraries.of("application/octet-stream", "text/plain", "image/png",
                        "application/x-msdownload", "text/html", "garbage/;;"));
                part(out, boundary, "Content-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + filename.replace("\"", "\\\"") + "\"\r\nContent-Type: " + type, content);
                what.add("file " + abbreviate(filename) + " of " + size + " bytes as " + type);
            } else {
                String value = draws.random().nextBoolean() ? api.sample(property).asText() : draws.draw(HostileInput.strings());
                part(out, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
                        value.getBytes(StandardCharsets.UTF_8));
                what.add(name + "=" + abbreviate(value));
            }
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = out.toByteArray();
        String contentType = "multipart/form-data; boundary=" + boundary;
        switch (draws.random().nextInt(12)) {
            case 0 -> {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
                what.add("truncated");
            }
            case 1 -> {
                contentType = "multipart/form-data";
                what.add("no boundary");
            }
            case 2 -> {
                bytes = new byte[0];
                what.add("zero-byte body");
            }
            default -> {
            }
        }
        return new Multipart(bytes, contentType, "multipart " + String.join(", ", what));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The value URL-encoded, cut (at a character boundary) so that the encoding is at most {@code max} long. */
    private static String encodeAtMost(String value, int max) {
        String encoded = encode(value);
        int length = value.length();
        while (encoded.length() > max && length > 0) {
            length = Math.min(length - 1, length * max / encoded.length());
            if (length > 0 && Character.isHighSurrogate(value.charAt(length - 1))) {
                length--;
            }
            encoded = encode(value.substring(0, length));
        }
        return encoded;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String value) {
        String visible = value.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return visible.length() > 100 ? visible.substring(0, 100) + "…(" + value.length() + " chars)" : visible;
    }

    /** jqwik arbitraries drawn from one seeded random source, edge cases included. */
    private record Draws(Random random) implements JsonMutator.Generated {
        @Override
        public <T> T draw(Arbitrary<T> arbitrary) {
            return arbitrary.generatorWithEmbeddedEdgeCases(1000).next(random).value();
        }
    }

    /** What a run did: requests per operation and status, the failures found, and the time taken. */
    public static final class Report {
        private final long seed;
        private final int operations;
        private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final Map<String, String> failures = new LinkedHashMap<>();
        private int failureCount;
        private int sent;
        private int unsendable;
        private int refusedWritesChecked;
        private Duration elapsed;

        Report(long seed, int operations) {
            this.seed = seed;
            this.operations = operations;
        }

        void count(Operation op, int status) {
            sent++;
            byStatus.merge(status, 1, Integer::sum);
            byOperation.computeIfAbsent(op.toString(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }

        void fail(Operation op, Generated request, int status, String problem, String body) {
            failureCount++;
            // one example per operation, status and kind of problem
            String key = op + " " + status + " " + problem.replaceAll(":.*", "");
            if (failures.size() < MAX_REPORTED) {
                failures.putIfAbsent(key, status + " " + problem + "\n    request: " + request.description()
                        + (body == null ? "" : "\n    answer: " + abbreviate(body.replaceAll("\\s+", " "))));
            }
        }

        public int sent() {
            return sent;
        }

        public Duration elapsed() {
            return elapsed;
        }

        public Map<Integer, Integer> byStatus() {
            return byStatus;
        }

        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append("Fuzzed ").append(operations).append(" operations with ").append(sent).append(" requests in ")
                    .append(elapsed.toMillis()).append(" ms (seed ").append(seed).append("; replay with -Dfuzz.seed=")
                    .append(seed).append("): by status ").append(byStatus).append("; refused writes checked against the database: ")
                    .append(refusedWritesChecked).append("; failures: ").append(failureCount);
            if (unsendable > 0) {
                text.append("; not sendable by the HTTP client: ").append(unsendable);
            }
            byOperation.forEach((op, statuses) -> text.append("\n  ").append(op).append(' ').append(statuses));
            return text.toString();
        }

        /** Fails with one example of each distinct problem found. */
        public void assertNoFailures() {
            if (failureCount > 0) {
                StringBuilder text = new StringBuilder(failureCount + " of " + sent + " requests broke a property (seed "
                        + seed + "):");
                failures.forEach((key, example) -> text.append("\n- ").append(example));
                throw new AssertionError(text + "\n" + summary());
            }
        }
    }
}
