package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What happened to one SLA target ({@code io.casework.sla.breached}, {@code .met}, {@code .paused}, {@code .resumed}),
 * as far as case-service reads it (tolerant reader).
 *
 * @param dueAt the target's due time; null while paused
 * @param occurredAt when it happened (a breach: the due time, or the late response)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaTargetChanged(UUID caseId, String metric, Integer cycle, Instant dueAt, Instant occurredAt) {

    public static final String BREACHED = "io.casework.sla.breached";
    public static final String MET = "io.casework.sla.met";
    public static final String PAUSED = "io.casework.sla.paused";
    public static final String RESUMED = "io.casework.sla.resumed";
    public static final Set<String> TYPES = Set.of(BREACHED, MET, PAUSED, RESUMED);
}
