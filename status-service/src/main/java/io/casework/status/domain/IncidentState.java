package io.casework.status.domain;

/** Incident states as status pages name them; RESOLVED is final. */
public enum IncidentState {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED
}
