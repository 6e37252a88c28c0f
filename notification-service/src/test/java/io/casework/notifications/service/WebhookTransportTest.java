package io.casework.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PfxOptions;

/**
 * The connect-time half of the SSRF guard, with a real HTTP and HTTPS server on this machine's loopback: a name is
 * resolved and checked before each attempt, and the connection goes to the checked address while Host, SNI and the
 * certificate check keep the URL's name. Names resolve through a scripted resolver; nothing leaves loopback.
 */
class WebhookTransportTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path dir;
    static Path keystore;
    static Vertx vertx;
    static HttpServer http;
    static HttpsServer https;
    static final List<String> hosts = new CopyOnWriteArrayList<>();
    static final List<String> serverNames = new CopyOnWriteArrayList<>();
    static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        http.createContext("/hooks", WebhookTransportTest::answer);
        http.start();

        // A certificate for partner.test only, made by the JDK's keytool.
        keystore = dir.resolve("partner.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "partner", "-keyalg", "EC", "-dname", "CN=partner.test", "-ext", "SAN=dns:partner.test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                // Records the name the client asked for (TLS SNI).
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        https.createContext("/hooks", WebhookTransportTest::answer);
        https.start();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
        https.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    static WebhookTransport transport(boolean allowPrivate, WebhookDestinations.Resolver resolver) {
        HttpClientOptions options = new HttpClientOptions()
                .setTrustOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit"));
        return new WebhookTransport(vertx, new WebhookDestinations(allowPrivate, resolver), TIMEOUT, options);
    }

    @Test
    void nameThatResolvedPubliclyAtRegistrationButToLoopbackNowIsRefusedWithoutAConnection() throws Exception {
        int port = http.getAddress().getPort();
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: the first answer (checked at registration) is public, every later one is loopback.
        WebhookDestinations.Resolver rebinding = host -> new InetAddress[] {
                lookups.getAndIncrement() == 0 ? InetAddress.getByName("93.184.215.14") : LOOPBACK };
        WebhookDestinations destinations = new WebhookDestinations(false, rebinding);
        destinations.checkRegistration(java.net.URI.create("https://rebind.example:" + port + "/hooks"));
        WebhookTransport transport = new WebhookTransport(vertx, destinations, TIMEOUT, new HttpClientOptions());
        int before = requests.get();

        WebhookTransport.Answer answer = transport.post("https://rebind.example:" + port + "/hooks", Map.of(), "{}");

        assertNull(answer.statusCode());
        assertEquals("Destination refused: the host resolves to a loopback address, which webhooks may not reach", answer.error());
        assertEquals(before, requests.get(), "no request reached the loopback receiver");
    }

    @Test
    void requestGoesToTheCheckedAddressWithTheUrlsHostHeader() {
        int port = http.getAddress().getPort();
        AtomicInteger lookups = new AtomicInteger();
        WebhookTransport transport = transport(true, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] { LOOPBACK };
        });

        WebhookTransport.Answer answer = transport.post("http://receiver.test:" + port + "/hooks?tenant=7",
                Map.of("Webhook-Id", "msg_1"), "{}");

        assertEquals(204, answer.statusCode(), answer.error());
        assertEquals(1, lookups.get(), "resolved once, by the check; Vert.x was given the address");
        assertEquals("receiver.test:" + port, hosts.getLast());
    }

    @Test
    void tlsToTheCheckedAddressStillSendsTheNameAsSniAndChecksTheCertificateAgainstIt() {
        int port = https.getAddress().getPort();
        WebhookTransport transport = transport(true, host -> new InetAddress[] { LOOPBACK });

        WebhookTransport.Answer answer = transport.post("https://partner.test:" + port + "/hooks", Map.of(), "{}");

        assertEquals(204, answer.statusCode(), answer.error());
        assertEquals("partner.test", serverNames.getLast());
        assertEquals("partner.test:" + port, hosts.getLast());

        // The same address under a name the certificate does not carry: the host name check refuses it.
        int before = requests.get();
        WebhookTransport.Answer mismatch = transport.post("https://other.test:" + port + "/hooks", Map.of(), "{}");
        assertNull(mismatch.statusCode());
        assertTrue(mismatch.error().contains("SSL") || mismatch.error().contains("certificate")
                || mismatch.error().contains("No name matching") || mismatch.error().contains("subject alternative"),
                mismatch.error());
        assertEquals(before, requests.get());
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        redirecting.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(307, -1);
            }
        });
        redirecting.start();
        try {
            WebhookTransport.Answer answer = transport(true, host -> new InetAddress[] { LOOPBACK })
                    .post("http://redirect.test:" + redirecting.getAddress().getPort() + "/", Map.of(), "{}");
            assertEquals(307, answer.statusCode());
            assertEquals("HTTP 307", answer.error());
        } finally {
            redirecting.stop(0);
        }
    }
}
