package io.casework.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The minimal app of docs/frontend.md, exactly as printed there, in headless Chromium: served from an allowed
 * development origin, it signs alice in through Keycloak's login form with keycloak-js (client casework-web, PKCE) and
 * files a case through the gateway cross-origin; the second click replays the request and the page can read
 * Idempotent-Replayed. keycloak-js comes from npm at test time.
 */
class BrowserAppIT {

    static final String KEYCLOAK_JS = "keycloak-js@26.2.4";
    static final List<Integer> DEV_ORIGIN_PORTS = List.of(5173, 3000);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void docsMinimalAppLogsInWithPkceAndFilesACaseCrossOrigin() throws Exception {
        String missing = "Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(HeadlessChromium.CHROMIUM), missing + ": required under CI=true");
        }
        assumeTrue(Files.isExecutable(HeadlessChromium.CHROMIUM), missing);

        Path app = Files.createDirectories(Path.of("target/browser-app"));
        Files.writeString(app.resolve("index.html"), DocExamples.blocks(DocExamples.ROOT.resolve("docs/frontend.md"))
                .stream().filter(b -> b.language().equals("html")).findFirst().orElseThrow().code());
        npmInstall(app, KEYCLOAK_JS);
        assertTrue(Files.isRegularFile(app.resolve("node_modules/keycloak-js/lib/keycloak.js")), "keycloak-js installed");

        HttpServer server = serve(app);
        String location;
        String number;
        String origin = "http://localhost:" + server.getAddress().getPort();
        try (HeadlessChromium chromium = HeadlessChromium.start(app)) {
            try {
                chromium.navigate(origin + "/");

                // keycloak-js sends the browser to Keycloak's login form, with a PKCE challenge
                await("Keycloak's login form").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .until(() -> chromium.evaluate("!!document.getElementById('kc-form-login')").asBoolean());
                String loginUrl = chromium.text("location.href");
                assertTrue(loginUrl.startsWith(Stack.KEYCLOAK + "/realms/casework/protocol/openid-connect/auth?"), loginUrl);
                assertTrue(loginUrl.contains("client_id=casework-web"), loginUrl);
                assertTrue(loginUrl.contains("code_challenge_method=S256") && loginUrl.contains("code_challenge="), loginUrl);

                chromium.evaluate("""
                        document.getElementById('username').value = 'alice@acme.example';
                        document.getElementById('password').value = 'demo';
                        document.getElementById('kc-login').click(); true""");

                await("back on the app, signed in").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .until(() -> String.valueOf(chromium.text("location.origin + ' ' + "
                                + "(document.getElementById('user') || {}).textContent")).equals(
                                        origin + " Signed in as alice@acme.example"));

                JsonNode first = click(chromium);
                assertEquals(201, first.path("status").asInt(), first.toString());
                assertTrue(first.path("replayed").isNull(), "a first filing is no replay: " + first);
                assertTrue(first.path("requestId").asText().length() > 0, "X-Request-Id readable: " + first);
                assertTrue(first.path("location").asText().startsWith(Stack.GATEWAY + "/api/v1/cases/")
                        || first.path("location").asText().contains("/api/v1/cases/"), "Location readable: " + first);
                location = first.path("location").asText();
                number = first.path("number").asText();

                JsonNode second = click(chromium);
                assertEquals(201, second.path("status").asInt(), second.toString());
                assertEquals("true", second.path("replayed").asText(), "Idempotent-Replayed readable: " + second);
                assertEquals(number, second.path("number").asText(), "the replay returns the first case");
                assertEquals(location, second.path("location").asText());
            } catch (Throwable e) {
                chromium.screenshot(app.resolve("failure.png"));
                throw e;
            }
        } finally {
            server.stop(0);
        }

        // the case the browser filed is alice's
        String path = location.substring(location.indexOf("/api/v1/cases/"));
        given().auth().oauth2(Stack.token("alice@acme.example")).get(Stack.GATEWAY + path).then().statusCode(200)
                .body("number", equalTo(number)).body("creator", equalTo("alice@acme.example"))
                .body("subject", equalTo("Mail delivery delayed"));
    }

    /** Clicks "File a case" and waits for the page to show the answer. */
    private static JsonNode click(HeadlessChromium chromium) {
        chromium.evaluate("document.getElementById('out').textContent = ''; document.getElementById('file').click(); true");
        String[] out = new String[1];
        await("the page shows the API's answer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    out[0] = chromium.text("document.getElementById('out').textContent");
                    return out[0] != null && !out[0].isBlank();
                });
        try {
            return JSON.readTree(out[0]);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out[0], e);
        }
    }

    private static void npmInstall(Path dir, String spec) throws IOException, InterruptedException {
        Process npm = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save",
                "--no-package-lock", "--loglevel=error", spec)).directory(dir.toFile())
                .redirectOutput(dir.resolve("npm.log").toFile()).redirectErrorStream(true).start();
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm install " + spec + " within 5 minutes");
        assertEquals(0, npm.exitValue(), "npm install " + spec + ": " + Files.readString(dir.resolve("npm.log")));
    }

    /** A static file server on the first free allowed development origin (loopback only). */
    private static HttpServer serve(Path root) throws IOException {
        IOException last = null;
        for (int port : DEV_ORIGIN_PORTS) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
                server.createContext("/", exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
                    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                        exchange.sendResponseHeaders(404, -1);
                        exchange.close();
                        return;
                    }
                    byte[] body = Files.readAllBytes(file);
                    exchange.getResponseHeaders().set("Content-Type", Map.of("html", "text/html; charset=utf-8",
                            "js", "text/javascript").getOrDefault(path.substring(path.lastIndexOf('.') + 1),
                                    "text/html; charset=utf-8"));
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                return server;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no allowed development origin port is free: " + DEV_ORIGIN_PORTS, last);
    }
}
