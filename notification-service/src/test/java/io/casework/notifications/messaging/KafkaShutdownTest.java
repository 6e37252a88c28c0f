package io.casework.notifications.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.ApplicationProperties;
import io.casework.testsupport.KafkaShutdown;

/**
 * A SIGTERM stops the service in a few seconds. SmallRye's Kafka connector sleeps twice each incoming channel's
 * poll-timeout before it closes the channel, one channel after the other: with the connector's default (1 s) that was
 * 2 s per channel (notification-service stopped in 10-12 s, case-service in 5-6 s). messaging-support's default
 * poll-timeout (250 ms) makes it half a second per channel.
 */
class KafkaShutdownTest {

    @Test
    void kafkaChannelsCloseWithinTwoSecondsOnShutdown() {
        Map<String, Duration> grace = KafkaShutdown.graceByChannel(ApplicationProperties.effective("prod"));
        assertEquals(Set.of("case-events", "org-events", "sla-events", "status-events"), grace.keySet());
        Duration total = KafkaShutdown.totalGrace(ApplicationProperties.effective("prod"));
        assertTrue(total.compareTo(Duration.ofSeconds(2)) <= 0, "shutdown sleeps " + total + ": " + grace);
    }
}
