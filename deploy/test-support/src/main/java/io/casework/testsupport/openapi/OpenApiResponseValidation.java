package io.casework.testsupport.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every response that a test receives through RestAssured is checked against the OpenAPI document of the service
 * that sent it ({@code /q/openapi} of the same origin), with Atlassian's swagger-request-validator: status code
 * declared, content type declared, body valid against the declared schema ({@code required}, {@code nullable},
 * enums, formats, no undeclared members). A mismatch fails the test: the document is the contract that client
 * generators read, so it has to describe what the server really answers.
 * <p>
 * Requests are not validated (tests send invalid requests on purpose); operations that the document does not have
 * (/q/health, a wrong method or path that a test tries) are not checked here. Installed for every
 * {@code @QuarkusTest} by {@link OpenApiValidationCallback}.
 */
public final class OpenApiResponseValidation implements OrderedFilter {

    public static final OpenApiResponseValidation INSTANCE = new OpenApiResponseValidation();

    /** The validator of each origin; empty where the origin serves no OpenAPI document (a mock, Keycloak). */
    private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiResponseValidation() {
    }

    /** Adds the filter to RestAssured's global filters, once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /** A validator for {@code document} (JSON or YAML) that checks responses only. */
    public static OpenApiInteractionValidator validatorFor(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /** The errors of {@code response} to {@code method path} against the document, empty when it conforms. */
    public static String errors(OpenApiInteractionValidator validator, String method, String path,
            com.atlassian.oai.validator.model.Response response) {
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response);
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().startsWith("validation.request"))
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                .collect(Collectors.joining("\n  "));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path == null || path.startsWith("/q/")) {
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Optional<OpenApiInteractionValidator> validator = VALIDATORS.computeIfAbsent(origin,
                OpenApiResponseValidation::load);
        if (validator.isEmpty()) {
            return response;
        }
        String errors = errors(validator.get(), request.getMethod(), path, RestAssuredResponse.of(response));
        if (!errors.isEmpty()) {
            String body = response.asString();
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (HTTP "
                    + response.statusCode() + ", " + response.contentType() + ") does not match the service's OpenAPI "
                    + "document:\n  " + errors + "\nBody: " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
        return response;
    }

    private static Optional<OpenApiInteractionValidator> load(String origin) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> document = client.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() == 404) {
                return Optional.empty();
            }
            if (document.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document of " + origin + ": HTTP " + document.statusCode());
            }
            return Optional.of(validatorFor(document.body()));
        } catch (IOException e) {
            // Not a Quarkus service (e.g. a mock server that does not speak HTTP/1.1 the same way): nothing to check.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** After RestAssured's own filters and the test's, so that it sees the final response. */
    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }
}
