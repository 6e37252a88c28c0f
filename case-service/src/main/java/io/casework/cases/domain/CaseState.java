package io.casework.cases.domain;

/** Case states after the Google Cloud Support API, plus ON_HOLD for an expired maintenance contract. */
public enum CaseState {
    NEW,
    IN_PROGRESS,
    ACTION_REQUIRED,
    SOLUTION_PROVIDED,
    ON_HOLD,
    CLOSED
}
