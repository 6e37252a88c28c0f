package io.casework.notifications.service;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.casework.notifications.config.NotificationConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * POSTs one webhook attempt. The host is resolved and checked by {@link WebhookDestinations} right before, and the
 * connection goes to that checked address (Vert.x's {@code server} option) while the Host header, TLS SNI and
 * certificate check still use the host name of the URL: a DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot send the request elsewhere. Redirects are never followed.
 */
@ApplicationScoped
public class WebhookTransport {

    /** How an attempt ended: the HTTP status, or why there was none. */
    public record Answer(Integer statusCode, String error) {
    }

    private final WebhookDestinations destinations;
    private final HttpClient http;
    private final Duration timeout;

    @Inject
    WebhookTransport(Vertx vertx, WebhookDestinations destinations, NotificationConfig config) {
        this(vertx, destinations, config.webhooks().requestTimeout(), new HttpClientOptions());
    }

    /** {@code options} as a test needs them (a trust store for its own TLS receiver); the rest is set here. */
    public WebhookTransport(Vertx vertx, WebhookDestinations destinations, Duration timeout, HttpClientOptions options) {
        this.destinations = destinations;
        this.timeout = timeout;
        this.http = vertx.createHttpClient(options
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(50)
                .setMaxRedirects(0));
    }

    public Answer post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        WebhookDestinations.Destination destination;
        try {
            destination = destinations.resolve(uri);
        } catch (WebhookDestinations.RefusedDestinationException e) {
            return new Answer(null, "Destination refused: " + e.getMessage());
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setServer(SocketAddress.inetSocketAddress(port, destination.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        try {
            int status = http.request(request)
                    .compose(r -> {
                        sent.set(r);
                        return r.send(body);
                    })
                    // The answer's body is read and dropped, so that the connection can be reused.
                    .compose(response -> response.end().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (TimeoutException e) {
            HttpClientRequest r = sent.get();
            if (r != null) {
                r.reset();
            }
            return new Answer(null, "Timeout: no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "Interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Answer(null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
