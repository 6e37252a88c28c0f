package io.casework.status.domain;

/**
 * Incident states as status pages name them. Incidents go INVESTIGATING, IDENTIFIED, MONITORING; maintenance
 * SCHEDULED, IN_PROGRESS, MONITORING ({@link IncidentKind} says which); RESOLVED is final for both.
 */
public enum IncidentState {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    SCHEDULED,
    IN_PROGRESS,
    RESOLVED
}
