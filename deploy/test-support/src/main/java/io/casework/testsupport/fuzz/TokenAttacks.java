package io.casework.testsupport.fuzz;

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
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.casework.testsupport.fuzz.ApiOperations.Operation;
import io.casework.testsupport.fuzz.ApiOperations.Parameter;

/**
 * Sends every forged token (see {@code ForgedTokens}) to every operation in a service's OpenAPI document with an
 * otherwise well-formed request. A secured operation must answer 401 with {@code WWW-Authenticate: Bearer} and
 * problem+json; a token without roles must get 401 or 403 from every operation that names roles; a public
 * operation may ignore a bad token but must not fail on it. Nothing may answer 5xx.
 */
public final class TokenAttacks {

    private final URI base;
    private final ApiOperations api;
    private final Map<String, String> attacks = new LinkedHashMap<>();
    private String withoutRoles;
    private BiFunction<Operation, String, String> pathValues = (op, name) -> null;
    private Predicate<Operation> skip = op -> false;

    private TokenAttacks(URI base) {
        this.base = base;
        this.api = ApiOperations.of(base);
    }

    public static TokenAttacks against(URI base) {
        return new TokenAttacks(base);
    }

    public TokenAttacks attacks(Map<String, String> forged) {
        attacks.putAll(forged);
        return this;
    }

    /** A genuine token that holds no role: refused by every operation that requires one. */
    public TokenAttacks withoutRoles(String token) {
        this.withoutRoles = token;
        return this;
    }

    public TokenAttacks pathValues(BiFunction<Operation, String, String> values) {
        this.pathValues = values;
        return this;
    }

    public TokenAttacks skip(Predicate<Operation> operations) {
        this.skip = skip.or(operations);
        return this;
    }

    /** Runs the attacks; returns a one-line summary or throws listing every wrong answer. */
    public String run() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        int secured = 0;
        long started = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (Operation op : api.all()) {
                if (op.streaming() || skip.test(op)) {
                    continue;
                }
                if (op.secured()) {
                    secured++;
                }
                for (Map.Entry<String, String> attack : attacks.entrySet()) {
                    HttpResponse<String> response = send(client, op, attack.getValue());
                    sent++;
                    String problem = op.secured() ? refusal(response, 401) : publicAnswer(response);
                    if (problem != null) {
                        wrong.add(op + " with token '" + attack.getKey() + "': " + problem);
                    }
                }
                if (withoutRoles != null && !op.roles().isEmpty()) {
                    HttpResponse<String> response = send(client, op, withoutRoles);
                    sent++;
                    String problem = response.statusCode() == 401 ? refusal(response, 401) : refusal(response, 403);
                    if (problem != null) {
                        wrong.add(op + " with a token without roles: " + problem);
                    }
                }
            }
        }
        String summary = "Token attacks: " + attacks.size() + " forged tokens and one without roles against "
                + api.all().size() + " operations (" + secured + " secured): " + sent + " requests in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, " + wrong.size() + " wrong answers";
        if (!wrong.isEmpty()) {
            throw new AssertionError(summary + ":\n- " + String.join("\n- ", wrong));
        }
        return summary;
    }

    private static String refusal(HttpResponse<String> response, int expected) {
        int status = response.statusCode();
        if (status != expected) {
            return "expected " + expected + " but got " + status + " " + abbreviate(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " is not problem+json but '" + type + "'";
        }
        if (status == 401 && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            return "401 without WWW-Authenticate: Bearer";
        }
        return null;
    }

    private static String publicAnswer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error " + status + " " + abbreviate(response.body());
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return status + " is not problem+json";
        }
        return null;
    }

    private HttpResponse<String> send(HttpClient client, Operation op, String token) {
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String value = pathValues.apply(op, p.name());
            path = path.replace("{" + p.name() + "}", encode(value != null ? value : api.sample(p.schema()).asText()));
        }
        StringBuilder query = new StringBuilder();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=')
                        .append(encode(api.sample(p.schema()).asText()));
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.resolve("/") + path.substring(1) + query))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        byte[] body = new byte[0];
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            if (type.startsWith("multipart/")) {
                type = "multipart/form-data; boundary=b";
                body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--b--\r\n"
                        .getBytes(StandardCharsets.UTF_8);
            } else if (type.contains("json")) {
                body = JsonMutator.bytes(api.sample(op.bodies().get(type)));
            } else if (type.contains("*")) {
                type = "application/octet-stream";
            }
            builder.header("Content-Type", type);
        }
        builder.method(op.method(), body.length == 0 && !op.writes() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(op + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return RequestFuzzer.abbreviate(body == null ? "" : body.replaceAll("\\s+", " "));
    }
}
