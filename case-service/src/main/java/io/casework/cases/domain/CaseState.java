package io.casework.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/** Case states after the Google Cloud Support API, plus ON_HOLD for an expired maintenance contract. */
public enum CaseState {
    NEW,
    IN_PROGRESS,
    ACTION_REQUIRED,
    SOLUTION_PROVIDED,
    ON_HOLD,
    CLOSED;

    /** States in which support is still working the case (SLA clocks run). */
    public static final Set<CaseState> ACTIVE = EnumSet.of(NEW, IN_PROGRESS, ACTION_REQUIRED, SOLUTION_PROVIDED);

    public boolean isOpen() {
        return this != CLOSED;
    }
}
