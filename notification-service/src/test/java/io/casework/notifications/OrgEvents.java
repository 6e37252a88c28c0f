package io.casework.notifications;

import java.time.Instant;
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

    private static Map<String, Object> organization(String organizationId, String reseller, boolean resellerAccess) {
        return Events.map("organizationId", organizationId, "name", organizationId.toUpperCase(),
                "domains", List.of(organizationId + ".example"), "planId", "standard", "priorityScheme", "P",
                "region", "emea", "contractEnd", null, "contractLapsed", false, "reseller", reseller,
                "resellerAccess", resellerAccess);
    }
}
