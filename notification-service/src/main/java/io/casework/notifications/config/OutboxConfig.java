package io.casework.notifications.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events left behind (after a crash or a broker outage). */
    String pollInterval();

    /** Most events published in one relay transaction. */
    int batchSize();
}
