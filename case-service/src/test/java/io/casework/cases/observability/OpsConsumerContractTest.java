package io.casework.cases.observability;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.newOrganization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.KafkaServer;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The example ops consumer (plain Kafka client + CloudEvents SDK) reads what case-service publishes, and every
 * record is what docs/events.md and the AsyncAPI document promise: a CloudEvent in structured mode, of a type
 * documented for its topic, keyed by its subject, its data valid against the type's schema.
 */
@QuarkusTest
class OpsConsumerContractTest {

    @Test
    void theDocumentedContractIsWhatIsOnTheWire() throws IOException {
        String org = "ops" + UUID.randomUUID().toString().substring(0, 8);
        newOrganization(org, null, "2099-12-31");
        String caseId = file(ALICE, "P3");
        comment(ALICE, caseId, "More detail", "PUBLIC").statusCode(201);
        action(ALICE, caseId, "close", "{}").statusCode(200);

        Map<String, Set<String>> documented = typesByTopic();
        List<OpsEventConsumer.Received> received;
        try (OpsEventConsumer ops = new OpsEventConsumer(KafkaServer.bootstrapServers(), "ops-contract-" + UUID.randomUUID(),
                List.of("casework.case-events", "casework.org-events"), null)) {
            // opened, comment-added, state-changed, closed; org created, access granted
            received = ops.await(r -> caseId.equals(r.key()) || org.equals(r.key()), 6, Duration.ofSeconds(30));
        }
        assertEquals(6, received.size(), "events of the case and the organization");
        Set<String> seen = new HashSet<>();
        for (OpsEventConsumer.Received r : received) {
            String type = r.event().getType();
            seen.add(type);
            assertTrue(documented.get(r.topic()).contains(type), type + " is documented on " + r.topic());
            assertEquals(r.key(), r.event().getSubject(), "key = subject = aggregate id");
            assertEquals("application/cloudevents+json; charset=utf-8", r.header("content-type"),
                    "structured mode, as the CloudEvents SDKs write it (the JavaScript one compares the whole header)");
            assertEquals("/casework/case-service", r.event().getSource().toString());
            EventContract.assertConforms(new String(EventFormatProvider.getInstance()
                    .resolveFormat(JsonFormat.CONTENT_TYPE).serialize(r.event()), StandardCharsets.UTF_8));
        }
        assertTrue(seen.containsAll(Set.of("io.casework.case.opened", "io.casework.case.closed",
                "io.casework.org.created")), seen.toString());
    }

    /** The AsyncAPI document's channels: topic to the CloudEvent types documented on it. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> typesByTopic() throws IOException {
        Map<String, Object> asyncApi;
        try (Reader reader = Files.newBufferedReader(EventContract.eventsDirectory().resolve("asyncapi.yaml"))) {
            asyncApi = new Yaml().load(reader);
        }
        var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi.get("components")).get("messages");
        Map<String, Set<String>> byTopic = new HashMap<>();
        ((Map<String, Map<String, Object>>) asyncApi.get("channels")).forEach((name, channel) -> {
            Set<String> types = new HashSet<>();
            ((Map<String, Map<String, String>>) channel.get("messages")).values().forEach(ref -> types.add(
                    (String) messages.get(ref.get("$ref").substring(ref.get("$ref").lastIndexOf('/') + 1)).get("name")));
            byTopic.put((String) channel.get("address"), types);
        });
        return byTopic;
    }
}
