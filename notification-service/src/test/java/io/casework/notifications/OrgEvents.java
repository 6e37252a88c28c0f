package io.casework.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code io.casework.org.*} CloudEvents as case-service publishes them, checked against their contracts. */
public final class OrgEvents {

    public static final String TOPIC = "casework.org-events";

    private OrgEvents() {
    }

    public static String created(String eventId, String organizationId, String reseller, boolean resellerAccess, Instant at) {
        return Events.event("io.casework.org.created", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, reseller, resellerAccess), "at", at.toString(),
                        "createdBy", "admin@casework.example"));
    }

    public static String resellerChanged(String eventId, String organizationId, String previousReseller, String reseller,
            Instant at) {
        return Events.event("io.casework.org.reseller-changed", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, reseller, false), "at", at.toString(),
                        "previousReseller", previousReseller, "changedBy", "admin@casework.example"));
    }

    public static String resellerAccessChanged(String eventId, String organizationId, String reseller, boolean resellerAccess,
            Instant at) {
        return Events.event("io.casework.org.reseller-access-changed", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, reseller, resellerAccess), "at", at.toString(),
                        "changedBy", "alice@" + organizationId + ".example"));
    }

    /** The organization's whole state as of {@code at}, as case-service's migration or republish announces it. */
    public static String announced(String eventId, String organizationId, String reseller, boolean resellerAccess,
            Instant resellerSince, Instant at) {
        return Events.event("io.casework.org.announced", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, reseller, resellerAccess),
                        "resellerSince", resellerSince == null ? null : resellerSince.toString(), "reason", "MIGRATION",
                        "announcedBy", "system", "at", at.toString()));
    }

    /** The contract of {@code name} ended on {@code contractEnd}; {@code casesOnHold} cases were put on hold. */
    public static String contractLapsed(String eventId, String organizationId, String name, LocalDate contractEnd,
            int casesOnHold, List<String> admins, Instant at) {
        return Events.event("io.casework.org.contract-lapsed", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, name, contractEnd, true, null, false),
                        "casesOnHold", casesOnHold, "admins", admins, "at", at.toString()));
    }

    /** The contract that had ended on {@code previousEnd} now runs until {@code contractEnd}. */
    public static String contractRenewed(String eventId, String organizationId, String name, LocalDate contractEnd,
            LocalDate previousEnd, int casesResumed, List<String> admins, Instant at) {
        return Events.event("io.casework.org.contract-renewed", eventId, "/casework/case-service", organizationId,
                Events.map("organization", organization(organizationId, name, contractEnd, false, null, false),
                        "previousContractEnd", previousEnd.toString(), "casesResumed", casesResumed,
                        "renewedBy", "admin@casework.example", "admins", admins, "at", at.toString()));
    }

    private static Map<String, Object> organization(String organizationId, String reseller, boolean resellerAccess) {
        return organization(organizationId, organizationId.toUpperCase(), null, false, reseller, resellerAccess);
    }

    private static Map<String, Object> organization(String organizationId, String name, LocalDate contractEnd,
            boolean contractLapsed, String reseller, boolean resellerAccess) {
        return Events.map("organizationId", organizationId, "name", name,
                "domains", List.of(organizationId + ".example"), "planId", "standard", "priorityScheme", "P",
                "region", "emea", "contractEnd", contractEnd == null ? null : contractEnd.toString(),
                "contractLapsed", contractLapsed, "reseller", reseller, "resellerAccess", resellerAccess);
    }
}
