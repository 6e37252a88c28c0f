package io.casework.status.domain;

import java.util.EnumSet;
import java.util.Set;

/** An unplanned incident (known issue), or maintenance announced ahead with its window. Each has its own states. */
public enum IncidentKind {
    INCIDENT(EnumSet.of(IncidentState.INVESTIGATING, IncidentState.IDENTIFIED, IncidentState.MONITORING,
            IncidentState.RESOLVED)),
    MAINTENANCE(EnumSet.of(IncidentState.SCHEDULED, IncidentState.IN_PROGRESS, IncidentState.MONITORING,
            IncidentState.RESOLVED));

    private final Set<IncidentState> states;

    IncidentKind(Set<IncidentState> states) {
        this.states = states;
    }

    public boolean allows(IncidentState state) {
        return states.contains(state);
    }

    public IncidentState initialState() {
        return this == INCIDENT ? IncidentState.INVESTIGATING : IncidentState.SCHEDULED;
    }
}
