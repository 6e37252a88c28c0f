package io.casework.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The AsyncAPI document and the JSON Schemas in docs/events describe the same event types. */
class EventCatalogTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedMessageHasASchemaAndEverySchemaIsDocumented() throws IOException {
        Path events = EventContract.eventsDirectory();
        Map<String, Object> asyncApi;
        try (Reader reader = Files.newBufferedReader(events.resolve("asyncapi.yaml"))) {
            asyncApi = new Yaml().load(reader);
        }
        assertEquals("3.0.0", asyncApi.get("asyncapi"));
        var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi.get("components"))
                .get("messages");
        Set<String> documented = new TreeSet<>();
        messages.forEach((key, message) -> {
            String type = (String) message.get("name");
            documented.add(type);
            String ref = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
            assertEquals("schemas/" + type + ".json", ref, "payload of " + key);
        });
        assertEquals(new TreeSet<>(EventContract.documentedTypes()), documented);
    }

    @Test
    void everySchemaIsDraft202012AndNamesItsType() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String type : EventContract.documentedTypes()) {
            JsonNode schema = json.readTree(EventContract.eventsDirectory().resolve("schemas/" + type + ".json").toFile());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), type);
            assertEquals(type, schema.path("title").asText(), type);
            assertTrue(schema.path("required").isArray() && !schema.path("required").isEmpty(), type + " requires fields");
        }
    }

    @Test
    void conformingEventPassesAndBrokenEnvelopeFails() {
        String event = """
                {"specversion": "1.0", "id": "6f1c1b2e-8a4d-4a57-9a55-0d7b7a0c0a11", "source": "/casework/sla-service",
                 "type": "io.casework.sla.clock-started", "subject": "c1", "time": "2026-11-21T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "6f1c1b2e-8a4d-4a57-9a55-0d7b7a0c0a12", "metric": "FIRST_RESPONSE", "priority": "P2",
                          "startedAt": "2026-11-21T10:00:00Z", "targetAt": "2026-11-21T18:00:00Z"}}
                """;
        EventContract.assertConforms(event);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> EventContract.assertConforms(event.replace("\"specversion\": \"1.0\"", "\"specversion\": \"0.3\"")));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> EventContract.assertConforms(event.replace("\"priority\": \"P2\"", "\"priority\": \"URGENT\"")));
    }
}
