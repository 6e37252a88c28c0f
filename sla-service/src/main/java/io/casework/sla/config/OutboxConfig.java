package io.casework.sla.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events left behind (after a crash or a broker outage) without being woken. */
    Duration pollInterval();

    /** Most events read, sent and awaited as one batch. */
    int batchSize();
}
