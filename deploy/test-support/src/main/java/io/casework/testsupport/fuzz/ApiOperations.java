package io.casework.testsupport.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of a service as its own OpenAPI document describes them, so that a new endpoint is fuzzed and
 * attacked without anyone listing it; and a plausible instance of each request body built from its schema.
 */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One parameter of an operation: {@code in} is path, query or header. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code roles} are the scopes of its security requirement, empty when it is public. */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
            Set<String> roles, boolean secured, boolean streaming) {

        public boolean writes() {
            return !method.equals("GET");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    public ApiOperations(JsonNode document) {
        this.document = document;
        this.operations = List.copyOf(parse(document));
    }

    /** Reads {@code /q/openapi?format=json} of the service at {@code base}. */
    public static ApiOperations of(URI base) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document: HTTP " + response.statusCode());
            }
            return new ApiOperations(JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Operation> all() {
        return operations;
    }

    /** The schema with every {@code $ref} of the top level followed. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current == null || current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    /** A plausible value for {@code schema}: its example, first enum value, or a value of its type and format. */
    public JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    private JsonNode sample(JsonNode rawSchema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode schema = resolve(rawSchema);
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        if (schema.has("default")) {
            return schema.get("default").deepCopy();
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                if (combinator.equals("allOf")) {
                    ObjectNode merged = f.objectNode();
                    for (JsonNode part : schema.get(combinator)) {
                        JsonNode value = sample(part, depth + 1);
                        if (value.isObject()) {
                            merged.setAll((ObjectNode) value);
                        } else {
                            return value;
                        }
                    }
                    return merged;
                }
                return sample(schema.get(combinator).get(0), depth + 1);
            }
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode object = f.objectNode();
                if (depth < 6) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        if (!property.getValue().path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = f.arrayNode();
                if (depth < 6) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
                return f.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number":
                return f.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean":
                return f.booleanNode(false);
            default:
                return f.textNode(switch (format) {
                    case "date-time" -> Instant.now().toString();
                    case "date" -> LocalDate.now().plusDays(30).toString();
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "someone@acme.example";
                    case "uri", "url" -> "https://hooks.acme.example/casework";
                    case "duration" -> "PT2H";
                    case "binary" -> "file";
                    default -> "Fuzz text";
                });
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "string";
        }
        return type.asText();
    }

    private List<Operation> parse(JsonNode doc) {
        List<Operation> result = new ArrayList<>();
        boolean globalSecurity = doc.has("security") && !doc.get("security").isEmpty();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().properties().iterator();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> entry = methods.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.path("parameters").forEach(declared::add);
                for (JsonNode raw : declared) {
                    JsonNode p = resolve(raw);
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("required").asBoolean(false), p.path("schema")));
                }
                Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> contents = resolve(op.path("requestBody")).path("content")
                        .properties().iterator();
                while (contents.hasNext()) {
                    Map.Entry<String, JsonNode> content = contents.next();
                    bodies.put(content.getKey(), content.getValue().path("schema"));
                }
                Set<String> roles = new LinkedHashSet<>();
                JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
                security.forEach(requirement -> requirement.properties()
                        .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                boolean secured = op.has("security") ? !op.get("security").isEmpty() : globalSecurity;
                boolean streaming = op.path("responses").toString().contains("text/event-stream");
                result.add(new Operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), bodies, roles, secured, streaming));
            }
        }
        return result;
    }
}
