package io.casework.cases.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

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

    /**
     * A JSON merge patch (RFC 7396) of an organization. Jackson builds it through {@link Builder}, which remembers the
     * members given as {@code null}: a record alone cannot tell {@code {"reseller": null}} from an absent reseller.
     */
    @Schema(description = "Merge patch of an organization (RFC 7396): absent members are left unchanged; null removes "
            + "reseller or contractEnd (the other members cannot be removed: 400); reseller \"\" also removes it")
    @JsonDeserialize(builder = UpdateOrganizationRequest.Builder.class)
    public record UpdateOrganizationRequest(
            @Size(min = 1, max = 255) String name,
            @Size(min = 1, max = 20) List<@Pattern(regexp = DOMAIN) String> domains,
            Organization.PriorityScheme priorityScheme,
            @Size(min = 1, max = 64) String planId,
            @Schema(description = "A future date renews a lapsed contract: held cases resume; null makes it open-ended "
                    + "(and renews a lapsed one)", nullable = true) LocalDate contractEnd,
            @Schema(enumeration = { "apj", "israel", "emea", "americas" }) @Pattern(regexp = REGION) String region,
            @Schema(description = "Managing reseller; null (or \"\") removes it", nullable = true) @Size(max = 64) String reseller,
            @JsonIgnore @Schema(hidden = true) Set<String> nulls) {

        /** Members that a merge patch may remove; the others are required. */
        public static final Set<String> REMOVABLE = Set.of("contractEnd", "reseller");

        public UpdateOrganizationRequest {
            nulls = nulls == null ? Set.of() : Set.copyOf(nulls);
        }

        /** Whether the patch gives {@code member} as null, i.e. asks to remove it. */
        public boolean removes(String member) {
            return nulls.contains(member);
        }

        /** Members given as null that cannot be removed, in a stable order. */
        public List<String> requiredMembersGivenAsNull() {
            return nulls.stream().filter(member -> !REMOVABLE.contains(member)).sorted().toList();
        }

        @JsonPOJOBuilder(withPrefix = "")
        public static final class Builder {
            private final Set<String> nulls = new HashSet<>();
            private String name;
            private List<String> domains;
            private Organization.PriorityScheme priorityScheme;
            private String planId;
            private LocalDate contractEnd;
            private String region;
            private String reseller;

            public Builder name(String value) {
                name = given("name", value);
                return this;
            }

            public Builder domains(List<String> value) {
                domains = given("domains", value);
                return this;
            }

            public Builder priorityScheme(Organization.PriorityScheme value) {
                priorityScheme = given("priorityScheme", value);
                return this;
            }

            public Builder planId(String value) {
                planId = given("planId", value);
                return this;
            }

            public Builder contractEnd(LocalDate value) {
                contractEnd = given("contractEnd", value);
                return this;
            }

            public Builder region(String value) {
                region = given("region", value);
                return this;
            }

            public Builder reseller(String value) {
                reseller = given("reseller", value);
                return this;
            }

            public UpdateOrganizationRequest build() {
                return new UpdateOrganizationRequest(name, domains, priorityScheme, planId, contractEnd, region, reseller, nulls);
            }

            private <T> T given(String member, T value) {
                if (value == null) {
                    nulls.add(member);
                } else {
                    nulls.remove(member);
                }
                return value;
            }
        }
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
