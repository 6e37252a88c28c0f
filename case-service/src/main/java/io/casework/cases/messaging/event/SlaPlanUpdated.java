package io.casework.cases.messaging.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code io.casework.sla.plan-updated}, as far as case-service reads it: whether the plan allows escalation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaPlanUpdated(String planId, boolean escalationAllowed) {

    public static final String TYPE = "io.casework.sla.plan-updated";
}
