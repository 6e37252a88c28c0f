package io.casework.status.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework")
public interface StatusConfig {

    IncidentNumber incidentNumber();

    Board board();

    Spike spike();

    ProductOverride productOverride();

    Maintenance maintenance();

    interface IncidentNumber {
        /** Letters before the year in an incident's human number, as in I-2026-0001. */
        String prefix();
    }

    interface Board {
        /** Where readers reach the status page and feeds (behind the gateway): links in feeds are absolute. */
        String publicUrl();

        /** How far back resolved incidents stay on the page, in incidents.json and the feeds. */
        Duration history();

        /** How often each instance looks for changes made through other instances (and slides the history window). */
        String refreshInterval();

        /** Cache-Control max-age of the public views, so that the gateway can serve them. */
        Duration maxAge();
    }

    interface ProductOverride {
        /**
         * How often each instance records and announces the status overrides whose until has passed (the views show
         * the computed status from that instant already).
         */
        String lapseCheckInterval();
    }

    interface Maintenance {
        /**
         * How often each instance moves scheduled maintenance whose window started (to IN_PROGRESS) or ended (to
         * RESOLVED), for maintenance published with autoStart/autoComplete.
         */
        String checkInterval();
    }

    interface Spike {
        /** How many previous weeks' same hour make the norm. */
        int weeks();

        /** k in mean + k·σ. */
        double sigmas();

        /** Fewer cases than this in an hour are never a spike. */
        int minimumCases();
    }
}
