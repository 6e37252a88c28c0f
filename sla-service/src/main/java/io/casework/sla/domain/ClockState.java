package io.casework.sla.domain;

/** Where an SLA target stands. */
public enum ClockState {
    /** Counting business time towards its due time. */
    RUNNING,
    /** Waiting on the customer (ACTION_REQUIRED, SOLUTION_PROVIDED) or on a contract renewal (ON_HOLD). */
    PAUSED,
    /** Answered within the target. */
    MET,
    /** Not answered within the target (announced once; stays so when answered late). */
    BREACHED,
    /** The case closed before the target was answered or due. */
    STOPPED
}
