package io.casework.cases.messaging.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of {@code casework.org-events} (key = organization id); schemas in docs/events/schemas/io.casework.org.*.json. */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    /** What every organization event carries. */
    public record OrganizationSummary(String organizationId, String name, List<String> domains, String planId,
            String priorityScheme, String region, LocalDate contractEnd, boolean contractLapsed, String reseller,
            boolean resellerAccess) {
    }

    public record Created(OrganizationSummary organization, String createdBy, Instant at) {
        public static final String TYPE = "io.casework.org.created";
    }

    /**
     * The organization's whole state, published for every organization by the V9 migration (reason MIGRATION) and on
     * request (REPUBLISH), so that consumers that missed or never had its history know it. Consumers upsert it and
     * ignore it when they already applied a newer event ({@code at}).
     */
    public record Announced(OrganizationSummary organization, Instant resellerSince, String reason, String announcedBy,
            Instant at) {
        public static final String TYPE = "io.casework.org.announced";
        public static final String REPUBLISH = "REPUBLISH";
    }

    public record PlanChanged(OrganizationSummary organization, String previousPlanId, String changedBy, Instant at) {
        public static final String TYPE = "io.casework.org.plan-changed";
    }

    /** {@code admins}: the organization's support-access admins, who are told (notification-service). */
    public record ContractLapsed(OrganizationSummary organization, int casesOnHold, List<String> admins, Instant at) {
        public static final String TYPE = "io.casework.org.contract-lapsed";
    }

    public record ContractRenewed(OrganizationSummary organization, LocalDate previousContractEnd, int casesResumed,
            String renewedBy, List<String> admins, Instant at) {
        public static final String TYPE = "io.casework.org.contract-renewed";
    }

    public record ResellerChanged(OrganizationSummary organization, String previousReseller, String changedBy, Instant at) {
        public static final String TYPE = "io.casework.org.reseller-changed";
    }

    public record ResellerAccessChanged(OrganizationSummary organization, String changedBy, Instant at) {
        public static final String TYPE = "io.casework.org.reseller-access-changed";
    }

    public record AccessGranted(OrganizationSummary organization, String email, String role, String grantedBy, Instant at) {
        public static final String TYPE = "io.casework.org.access-granted";
    }

    public record AccessRevoked(OrganizationSummary organization, String email, String revokedBy, Instant at) {
        public static final String TYPE = "io.casework.org.access-revoked";
    }
}
