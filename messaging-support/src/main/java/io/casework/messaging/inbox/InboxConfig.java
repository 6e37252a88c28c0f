package io.casework.messaging.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.inbox")
public interface InboxConfig {

    /**
     * How long a processed event id is remembered. Longer than any redelivery: Kafka keeps records for 7 days by
     * default, and a consumer group that restarts from an older offset would otherwise apply them again.
     */
    @WithDefault("P14D")
    Duration retention();

    /** How an event whose batch failed is retried alone before it is dead-lettered. */
    Retry retry();

    interface Retry {

        /** Attempts in all, the first included. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        /** The backoff doubles up to this. */
        @WithDefault("1m")
        Duration maxBackoff();

        /**
         * No retry starts later than this after the first attempt. Keep it below the channel's
         * throttled.unprocessed-record-max-age.ms, or the connector reports the waiting records as stuck.
         */
        @WithDefault("5m")
        Duration maxDuration();
    }
}
