package io.casework.status.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.KafkaServer;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseEventConsumerTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");

    @Test
    void redeliveredCaseOpenedIsCountedOnce() {
        String product = "Legacy Fax " + UUID.randomUUID();
        String duplicatedId = UUID.randomUUID().toString();
        String duplicated = caseOpened(duplicatedId, product);

        send(duplicated);
        send(duplicated);
        // Same key, same partition: once this one is counted, the duplicate before it has been handled too.
        send(caseOpened(UUID.randomUUID().toString(), product));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(2, casesLastDay(product)));
        long logged = QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", duplicatedId));
        assertEquals(1, logged);
    }

    @Test
    void caseForCatalogueProductIsCountedUnderItsIdWhateverTheCase() {
        int before = casesLastDay("cloud-drive");

        send(caseOpened(UUID.randomUUID().toString(), "CLOUD DRIVE"));
        send(caseOpened(UUID.randomUUID().toString(), "cloud-drive"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(before + 2, casesLastDay("cloud-drive")));
        assertEquals(before + 2, casesLastDay("Cloud Drive"));
    }

    /** Found against the running stack: case-service's relay sets the CloudEvents content-type header on each record. */
    @Test
    void caseOpenedWithTheCloudEventsContentTypeHeaderIsCounted() throws Exception {
        String product = "Header Fax " + UUID.randomUUID();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("casework.case-events", "header-test",
                    caseOpened(UUID.randomUUID().toString(), product));
            record.headers().add("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1, casesLastDay(product)));
    }

    static String caseOpened(String eventId, String product) {
        String caseId = UUID.randomUUID().toString();
        return """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service",
                 "type": "io.casework.case.opened", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "number": "C-2026-000042", "organization": "acme", "product": "%s",
                          "subject": "Cannot send mail", "priority": "P2", "state": "NEW",
                          "creator": "alice@acme.example", "contactEmail": "alice@acme.example", "ccEmails": [],
                          "language": "en", "channel": "PORTAL", "escalated": false, "relatedCaseIds": [],
                          "createdAt": "%s"}}
                """.formatted(eventId, caseId, Instant.now(), caseId, product, Instant.now());
    }

    /** All case.opened events of a test share one key, so they are consumed in the order sent. */
    static void send(String event) {
        // The fixture is what case-service really publishes: it must meet the same contract.
        EventContract.assertConforms(event);
        EventTap.send("casework.case-events", "case-rate-test", event);
    }

    static int casesLastDay(String product) {
        return given().auth().oauth2(OLGA).queryParam("product", product).get("/api/v1/status/case-rates")
                .then().statusCode(200).extract().path("[0].total");
    }
}
