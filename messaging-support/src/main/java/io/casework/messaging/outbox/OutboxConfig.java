package io.casework.messaging.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The outbox of a service. Every service sets {@code topics}; the rest has defaults.
 * <pre>
 * casework.outbox.topics."io.casework.case."=casework.case-events
 * casework.outbox.topics."io.casework.org."=casework.org-events
 * </pre>
 */
@ConfigMapping(prefix = "casework.outbox")
public interface OutboxConfig {

    /**
     * The Kafka topic of each event type, by type prefix (the longest matching prefix wins). Recording an event of a
     * type that no prefix matches fails, so that no row is committed that the relay could not send.
     */
    Map<String, String> topics();

    /** How often the relay looks for events left behind (after a crash or a broker outage) without being woken. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events read, sent and awaited as one batch. */
    @WithDefault("200")
    int batchSize();

    /**
     * Rows commit in sequence order: a writer takes a transaction-scoped lock before it appends, so that a reader
     * resuming after sequence number N (status-service's stream, Last-Event-ID) never misses a row that commits later
     * with a smaller number. Serialises the writers: only for services whose events are rare.
     */
    @WithDefault("false")
    boolean orderedCommits();

    /**
     * Published rows are deleted once older than this. status-service's live stream replays from its outbox, so its
     * retention is the stream's replay window.
     */
    @WithDefault("P1D")
    Duration publishedRetention();

    /** How often published outbox rows and old inbox rows are purged (one instance at a time). */
    @WithDefault("10m")
    Duration purgeInterval();
}
