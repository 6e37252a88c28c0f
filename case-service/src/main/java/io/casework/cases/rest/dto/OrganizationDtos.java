package io.casework.cases.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.cases.domain.Organization;
import io.casework.cases.domain.SupportAccess;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Requests and responses of /api/v1/organizations. */
public final class OrganizationDtos {

    // Anchored, and without Java-only syntax such as (?i): the same pattern is valid ECMA-262 in the OpenAPI document.
    static final String DOMAIN = "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$";
    static final String REGION = "^(apj|israel|emea|americas)$";
    static final String ID = "^[a-z0-9][a-z0-9-]{1,63}$";

    private OrganizationDtos() {
    }

    @Schema(description = "A new organization")
    public record CreateOrganizationRequest(
            @Schema(examples = "initech") @NotNull @Pattern(regexp = ID) String id,
            @Schema(examples = "Initech") @NotBlank @Size(max = 255) String name,
            @Schema(examples = "[\"initech.example\"]") @NotEmpty @Size(max = 20) List<@Pattern(regexp = DOMAIN) String> domains,
            @Schema(description = "How its users see priorities; default P") Organization.PriorityScheme priorityScheme,
            @Schema(examples = "standard") @NotBlank @Size(max = 64) String planId,
            @Schema(examples = "2027-06-30") LocalDate contractEnd,
            @Schema(description = "Support region (calendar)", examples = "emea", enumeration = { "apj", "israel", "emea", "americas" })
            @NotNull @Pattern(regexp = REGION) String region,
            @Schema(description = "Managing reseller, if any", examples = "resellco") @Size(max = 64) String reseller) {
    }

    @Schema(description = "Merge patch of an organization; absent fields are left unchanged; reseller \"\" removes it")
    public record UpdateOrganizationRequest(
            @Size(min = 1, max = 255) String name,
            @Size(min = 1, max = 20) List<@Pattern(regexp = DOMAIN) String> domains,
            Organization.PriorityScheme priorityScheme,
            @Size(min = 1, max = 64) String planId,
            @Schema(description = "A future date renews a lapsed contract: held cases resume") LocalDate contractEnd,
            @Schema(enumeration = { "apj", "israel", "emea", "americas" }) @Pattern(regexp = REGION) String region,
            @Schema(description = "Managing reseller; \"\" removes it") @Size(max = 64) String reseller) {
    }

    @Schema(description = "Whether the managing reseller may see the organization's cases")
    public record ResellerAccessRequest(@NotNull Boolean granted) {
    }

    @Schema(description = "Support access role: VIEWER reads cases; REQUESTER also files and comments; ADMIN also manages access")
    public record AccessRequest(@NotNull SupportAccess.Role role) {
    }

    @Schema(name = "Organization", description = "An organization with its contract; ETag carries its version",
            requiredProperties = { "id", "name", "domains", "priorityScheme", "planId", "contractEnd", "contractLapsed",
                    "region", "reseller", "resellerAccess", "version", "createdAt", "updatedAt" })
    public record OrganizationResponse(@Schema(examples = "acme") String id, String name, List<String> domains,
            @Schema(implementation = Organization.PriorityScheme.class) String priorityScheme,
            @Schema(examples = "standard") String planId,
            @Schema(description = "End of the maintenance contract; null when open-ended", nullable = true) LocalDate contractEnd,
            @Schema(description = "The contract ended: new cases are refused, open ones held") boolean contractLapsed,
            @Schema(enumeration = { "apj", "israel", "emea", "americas" }) String region,
            @Schema(description = "Managing reseller, if any", nullable = true) String reseller,
            @Schema(description = "Whether the reseller may see the organization's cases") boolean resellerAccess,
            long version, Instant createdAt, Instant updatedAt) {

        public static OrganizationResponse from(Organization o) {
            return new OrganizationResponse(o.id, o.name, List.copyOf(o.domains), o.priorityScheme.name(), o.planId,
                    o.contractEnd, o.contractLapsed, o.region, o.reseller, o.resellerAccess, o.version, o.createdAt,
                    o.updatedAt);
        }
    }

    @Schema(name = "SupportAccess", description = "A person's support access to an organization",
            requiredProperties = { "organization", "email", "role", "grantedBy", "grantedAt" })
    public record AccessResponse(String organization, String email,
            @Schema(implementation = SupportAccess.Role.class) String role,
            @Schema(description = "Who granted it") String grantedBy, Instant grantedAt) {

        public static AccessResponse from(SupportAccess a) {
            return new AccessResponse(a.key.organization(), a.key.email(), a.role.name(), a.grantedBy, a.grantedAt);
        }
    }
}
