package io.casework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens from the stack's Keycloak, fetched before the load starts (one per virtual user and role):
 * the measured requests never wait for Keycloak. Tokens live 300 s (realm accessTokenLifespan), longer than
 * any single scenario run.
 */
final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;

    Tokens(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** Demo user (password grant through the public casework-cli client). */
    String user(String username) {
        return fetch(Map.of("grant_type", "password", "client_id", "casework-cli",
                "username", username, "password", "demo"));
    }

    /** Partner integration (client credentials of partner-resellco, as in deploy/keycloak/casework-realm.json). */
    String partner() {
        return fetch(Map.of("grant_type", "client_credentials", "client_id", "partner-resellco",
                "client_secret", "partner-resellco-secret"));
    }

    List<String> users(String username, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(user(username));
        }
        return tokens;
    }

    List<String> partners(int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(partner());
        }
        return tokens;
    }

    private String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username",
                        form.get("client_id")) + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + tokenUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
