package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.sla.targets-set}, as far as case-service reads it: a case's open targets with their due times
 * (the first-response due time, and the SLA state of the case: SlaEventHandler).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaTargetsSet(UUID caseId, Instant setAt, List<Target> targets) {

    public static final String TYPE = "io.casework.sla.targets-set";

    /** @param cycle 0 for the first response; 1, 2, ... for periodic-update cycles (absent: 0) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String metric, Integer cycle, String state, Instant dueAt) {

        /** RUNNING, PAUSED or BREACHED and not yet answered; sla-service lists only these, MET and STOPPED are done. */
        public boolean open() {
            return !"MET".equals(state) && !"STOPPED".equals(state);
        }
    }
}
