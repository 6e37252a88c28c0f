package io.casework.cases.domain;

/** Why a customer escalates (after the Google Cloud Support API). */
public enum EscalationReason {
    RESOLUTION_TIME,
    TECHNICAL_EXPERTISE,
    BUSINESS_IMPACT
}
