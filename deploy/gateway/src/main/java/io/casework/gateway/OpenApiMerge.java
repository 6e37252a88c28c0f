package io.casework.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Merges the services' OpenAPI documents into the one document that the gateway serves as /api/v1/openapi.json.
 * <p>
 * Each path keeps the URI under which the gateway routes it (the gateway forwards URIs unchanged); a path that the
 * gateway does not route to the service that declares it is an error, as are an operation without operationId (a
 * generated client would invent its method's name), a path or an operationId declared twice and a component (schema,
 * response, parameter, ...) that two services declare differently under one name. Equal components are shared.
 *
 * <pre>
 * OpenApiMerge --nginx=deploy/gateway/nginx.conf --out=DIR [--version=V] service-name=openapi.json...
 * </pre>
 */
public final class OpenApiMerge {

    static final String TITLE = "Casework API";
    static final String DESCRIPTION = """
            The whole Casework API as the gateway serves it: cases and organizations (case-service), SLAs \
            (sla-service), notifications and partner webhooks (notification-service), status and known issues \
            (status-service). Authenticate with a bearer access token from Keycloak (realm `casework`); \
            docs/access.md and docs/frontend.md explain how to get one.""";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** A service's document, named by its module (e.g. case-service). */
    public record ServiceDocument(String service, JsonNode document) {
    }

    /** A gateway route: an exact path or a path prefix, and the service it is forwarded to. */
    public record Route(String path, boolean exact, String service) {
        boolean matches(String uri) {
            return exact ? uri.equals(path) : uri.startsWith(path);
        }
    }

    /** The merge found contradictions; each line names one. */
    public static final class MergeException extends RuntimeException {
        MergeException(List<String> problems) {
            super("The services' OpenAPI documents cannot be merged:\n  - " + String.join("\n  - ", problems));
        }
    }

    private OpenApiMerge() {
    }

    public static void main(String[] args) throws IOException {
        Path nginx = null;
        Path out = null;
        String version = "1.0.0";
        List<ServiceDocument> documents = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--nginx=")) {
                nginx = Path.of(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else if (arg.startsWith("--version=")) {
                version = arg.substring(10);
            } else {
                int eq = arg.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("expected service=openapi.json, got " + arg);
                }
                Path file = Path.of(arg.substring(eq + 1));
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException(file + " does not exist: build the service first (its Quarkus build "
                            + "writes it, quarkus.smallrye-openapi.store-schema-directory), e.g. ./mvnw -B package -DskipTests");
                }
                documents.add(new ServiceDocument(arg.substring(0, eq), JSON.readTree(file.toFile())));
            }
        }
        if (nginx == null || out == null || documents.isEmpty()) {
            throw new IllegalArgumentException("usage: OpenApiMerge --nginx=nginx.conf --out=DIR service=openapi.json...");
        }
        ObjectNode merged = merge(documents, gatewayRoutes(Files.readString(nginx)), version);
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("openapi.json").toFile(), merged);
        YAML.writeValue(out.resolve("openapi.yaml").toFile(), merged);
        System.out.printf("OpenApiMerge: %d paths, %d operations, %d schemas from %d services -> %s%n",
                merged.path("paths").size(), operations(merged).size(), merged.path("components").path("schemas").size(),
                documents.size(), out.resolve("openapi.json"));
    }

    /**
     * The gateway's proxied locations, read from the nginx template: {@code location = PATH} and {@code location ^~ PATH}
     * whose block proxies to {@code http://casework_<name>_service}.
     */
    public static List<Route> gatewayRoutes(String nginxConf) {
        List<Route> routes = new ArrayList<>();
        Matcher location = Pattern.compile("location\\s+(=|\\^~)\\s+(/\\S*)\\s*\\{").matcher(nginxConf);
        Pattern upstream = Pattern.compile("proxy_pass\\s+http://casework_([a-z]+)_service\\s*;");
        while (location.find()) {
            String block = block(nginxConf, location.end());
            Matcher proxy = upstream.matcher(block);
            if (proxy.find()) {
                routes.add(new Route(location.group(2), "=".equals(location.group(1)), proxy.group(1) + "-service"));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("no proxied location found in the nginx configuration");
        }
        return routes;
    }

    private static String block(String text, int afterOpeningBrace) {
        int depth = 1;
        for (int i = afterOpeningBrace; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(afterOpeningBrace, i);
            }
        }
        throw new IllegalStateException("unbalanced braces in the nginx configuration");
    }

    /** The service that the gateway routes a request URI to, or null: exact locations first, then the longest prefix. */
    static String routedService(List<Route> routes, String uri) {
        Route best = null;
        for (Route route : routes) {
            if (route.exact() && route.matches(uri)) {
                return route.service();
            }
            if (!route.exact() && route.matches(uri) && (best == null || route.path().length() > best.path().length())) {
                best = route;
            }
        }
        return best == null ? null : best.service();
    }

    public static ObjectNode merge(List<ServiceDocument> documents, List<Route> routes, String version) {
        List<String> problems = new ArrayList<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode merged = f.objectNode();

        String openapi = documents.getFirst().document().path("openapi").asText();
        for (ServiceDocument d : documents) {
            if (!openapi.equals(d.document().path("openapi").asText())) {
                problems.add(d.service() + " is OpenAPI " + d.document().path("openapi").asText() + ", "
                        + documents.getFirst().service() + " is " + openapi);
            }
        }
        merged.put("openapi", openapi);
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", version);
        info.put("description", DESCRIPTION);
        // The gateway that serves this document serves the API too: a relative server works behind any host name.
        merged.putArray("servers").addObject().put("url", "/")
                .put("description", "The gateway that serves this document (deploy/stack: http://localhost:8080)");

        Map<String, Owned> tags = new LinkedHashMap<>();
        Map<String, Owned> paths = new LinkedHashMap<>();
        Map<String, Owned> webhooks = new LinkedHashMap<>();
        Map<String, Map<String, Owned>> components = new LinkedHashMap<>();
        Map<String, String> operationIds = new LinkedHashMap<>();
        JsonNode security = null;
        String securityOwner = null;

        for (ServiceDocument d : documents) {
            JsonNode doc = d.document();
            for (JsonNode tag : doc.path("tags")) {
                putShared(tags, tag.path("name").asText(), tag, d.service(), "tag", problems);
            }
            for (var path : doc.path("paths").properties()) {
                String uri = path.getKey();
                String routedTo = routedService(routes, concreteUri(uri));
                if (!d.service().equals(routedTo)) {
                    problems.add(d.service() + " declares " + uri + ", which the gateway routes "
                            + (routedTo == null ? "nowhere" : "to " + routedTo) + " (deploy/gateway/nginx.conf)");
                }
                Owned previous = paths.putIfAbsent(uri, new Owned(d.service(), path.getValue()));
                if (previous != null) {
                    problems.add("path " + uri + " is declared by " + previous.service() + " and " + d.service());
                }
                for (var operation : path.getValue().properties()) {
                    if (!isOperation(operation.getKey())) {
                        continue;
                    }
                    JsonNode id = operation.getValue().path("operationId");
                    String where = d.service() + " " + operation.getKey().toUpperCase() + " " + uri;
                    if (id.asText("").isBlank()) {
                        // a generated client names its methods after operationIds: without one it invents a name
                        problems.add(where + " has no operationId");
                        continue;
                    }
                    String other = operationIds.putIfAbsent(id.asText(), where);
                    if (other != null) {
                        problems.add("operationId " + id.asText() + " is used by " + other + " and " + where);
                    }
                }
            }
            for (var webhook : doc.path("webhooks").properties()) {
                putShared(webhooks, webhook.getKey(), webhook.getValue(), d.service(), "webhook", problems);
            }
            for (var section : doc.path("components").properties()) {
                Map<String, Owned> target = components.computeIfAbsent(section.getKey(), k -> new LinkedHashMap<>());
                for (var component : section.getValue().properties()) {
                    putShared(target, component.getKey(), component.getValue(), d.service(),
                            "components." + section.getKey(), problems);
                }
            }
            if (doc.has("security")) {
                if (security != null && !security.equals(doc.get("security"))) {
                    problems.add("top-level security differs between " + securityOwner + " and " + d.service());
                }
                security = doc.get("security");
                securityOwner = d.service();
            }
        }
        if (!problems.isEmpty()) {
            throw new MergeException(problems);
        }

        if (security != null) {
            merged.set("security", security);
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().stream().map(Owned::node).forEach(tagArray::add);
        }
        ObjectNode pathsNode = merged.putObject("paths");
        paths.keySet().stream().sorted().forEach(uri -> pathsNode.set(uri, paths.get(uri).node()));
        if (!webhooks.isEmpty()) {
            ObjectNode webhooksNode = merged.putObject("webhooks");
            webhooks.forEach((name, owned) -> webhooksNode.set(name, owned.node()));
        }
        ObjectNode componentsNode = merged.putObject("components");
        components.forEach((section, entries) -> {
            ObjectNode sectionNode = componentsNode.putObject(section);
            entries.keySet().stream().sorted().forEach(name -> sectionNode.set(name, entries.get(name).node()));
        });
        return merged;
    }

    private record Owned(String service, JsonNode node) {
    }

    private static void putShared(Map<String, Owned> target, String name, JsonNode node, String service, String kind,
            List<String> problems) {
        Owned previous = target.putIfAbsent(name, new Owned(service, node));
        if (previous != null && !previous.node().equals(node)) {
            problems.add(kind + " " + name + " differs between " + previous.service() + " and " + service
                    + ": give one of them another name");
        }
    }

    /** A template path with each {parameter} replaced by a sample segment, to match it against the gateway's routes. */
    static String concreteUri(String template) {
        return template.replaceAll("\\{[^}/]+}", "x");
    }

    static boolean isOperation(String key) {
        return switch (key) {
            case "get", "put", "post", "delete", "options", "head", "patch", "trace" -> true;
            default -> false;
        };
    }

    /** "METHOD path" of every operation in a document. */
    static List<String> operations(JsonNode document) {
        List<String> result = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (isOperation(operation.getKey())) {
                    result.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return result;
    }
}
