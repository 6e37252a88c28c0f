package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code io.casework.status.spike-detected}: a product had more cases in an hour than its norm. Sent once per
 * product and hour; key = the product. For a catalogue product a draft incident was created for publishers
 * to confirm.
 * Contract: docs/events/schemas/io.casework.status.spike-detected.json
 */
public record SpikeDetected(
        String product,
        String productName,
        Instant hourStart,
        int cases,
        double mean,
        double standardDeviation,
        double threshold,
        int weeksCompared,
        UUID draftIncidentId,
        String draftIncidentNumber,
        Instant detectedAt) {

    public static final String TYPE = "io.casework.status.spike-detected";
}
