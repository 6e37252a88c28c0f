package io.casework.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks events against the contract in {@code docs/events/}: the CloudEvents envelope schema and the
 * JSON Schema of the event type's {@code data} ({@code docs/events/schemas/<type>.json}).
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContract() {
    }

    /** Fails with every violation when {@code cloudEventJson} breaks the envelope or its type's data schema. */
    public static JsonNode assertConforms(String cloudEventJson) {
        try {
            JsonNode event = JSON.readTree(cloudEventJson);
            check(schema("cloudevent.json"), event, "envelope");
            String type = event.path("type").asText();
            Path dataSchema = schemaDirectory().resolve(type + ".json");
            if (!Files.exists(dataSchema)) {
                throw new AssertionError("Event type " + type + " has no schema in docs/events/schemas/");
            }
            check(schema(type + ".json"), event.path("data"), type + " data");
            return event;
        } catch (IOException e) {
            throw new AssertionError("Not a JSON CloudEvent: " + cloudEventJson, e);
        }
    }

    /** The event types that have a data schema in the contract. */
    public static Set<String> documentedTypes() throws IOException {
        try (var files = Files.list(schemaDirectory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("io.casework.") && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .collect(Collectors.toSet());
        }
    }

    public static Path eventsDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    private static Path schemaDirectory() {
        return eventsDirectory().resolve("schemas");
    }

    private static JsonSchema schema(String file) throws IOException {
        try (InputStream in = Files.newInputStream(schemaDirectory().resolve(file))) {
            return SCHEMAS.getSchema(in);
        }
    }

    private static void check(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " violates the contract: " + errors + "\n" + node.toPrettyString());
        }
    }
}
