package io.casework.cases.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.Organization;
import io.casework.cases.domain.SupportAccess;
import io.casework.cases.persistence.OrganizationRepository;
import io.casework.rest.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see and act on an organization's cases (docs/access.md):
 * <ul>
 * <li>staff: every case;</li>
 * <li>customers: the cases of their organization, with a support access grant (viewer reads; requester and
 * admin also file and comment), while the maintenance contract runs for writing;</li>
 * <li>resellers: a client's case only while they manage the client now, the client grants reseller access,
 * and the case was filed while they managed it.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessPolicy {

    private final OrganizationRepository organizations;
    private final ContractService contracts;

    AccessPolicy(OrganizationRepository organizations, ContractService contracts) {
        this.organizations = organizations;
        this.contracts = contracts;
    }

    /** Whether {@code caller} may read {@code supportCase} (a refusal must look like a missing case). */
    public boolean canRead(Case supportCase, Caller caller) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isPartner()) {
            Organization client = organizations.findById(supportCase.organization);
            return client != null && caller.organization() != null && caller.organization().equals(client.reseller)
                    && client.resellerAccess && caller.organization().equals(supportCase.resellerAtFiling);
        }
        return supportCase.organization.equals(caller.organization()) && grantOf(caller) != null;
    }

    /** Refuses a customer without any grant, naming who can grant access. */
    public void requireMember(Caller caller) {
        if (caller.isStaff() || caller.isPartner()) {
            return;
        }
        if (caller.organization() == null || grantOf(caller) == null) {
            throw noAccess(caller);
        }
    }

    /**
     * Refuses filing and commenting for {@code organization} unless the caller may write there: staff always;
     * customers with a requester or admin grant; resellers that manage it. Both only while its contract runs.
     */
    public void requireWrite(String organizationId, Caller caller) {
        if (caller.isStaff()) {
            return;
        }
        Organization organization = organizations.findById(organizationId);
        if (caller.isPartner()) {
            if (organization == null || !caller.organization().equals(organization.reseller)) {
                throw new CaseRuleException(Kind.FORBIDDEN, "Not your client",
                        "Your organization does not manage " + organizationId + ", so it cannot file or act on its cases");
            }
        } else {
            SupportAccess grant = grantOf(caller);
            if (grant == null) {
                throw noAccess(caller);
            }
            if (!grant.role.canWrite()) {
                throw new CaseRuleException(Kind.FORBIDDEN, "Read-only access",
                        "Your support access is VIEWER: ask an admin of " + caller.organization() + " for REQUESTER access ("
                                + String.join(", ", organizations.admins(caller.organization())) + ")",
                        Map.of("admins", organizations.admins(caller.organization())));
            }
        }
        if (organization != null && contractLapsed(organization)) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Maintenance contract expired",
                    "The maintenance contract of " + organization.name + " ended on " + organization.contractEnd
                            + ". Its cases are on hold and no case can be filed or commented until it is renewed: "
                            + "contact your account manager or sales to renew it.",
                    Map.of("contractEnd", String.valueOf(organization.contractEnd)));
        }
    }

    /** Whether the contract has lapsed, lapsing it now (cases on hold, events) if its end date just passed. */
    boolean contractLapsed(Organization organization) {
        if (organization.contractLapsed) {
            return true;
        }
        if (organization.contractExpiredOn(LocalDate.now(ZoneOffset.UTC))) {
            // Its own transaction: the lapse must stand even though this request is about to be refused.
            QuarkusTransaction.requiringNew().run(() -> contracts.lapse(organization.id));
            return true;
        }
        return false;
    }

    SupportAccess grantOf(Caller caller) {
        return caller.organization() == null || caller.email() == null ? null
                : organizations.grant(caller.organization(), caller.email());
    }

    private CaseRuleException noAccess(Caller caller) {
        var admins = caller.organization() == null ? java.util.List.<String>of() : organizations.admins(caller.organization());
        return new CaseRuleException(Kind.FORBIDDEN, "No support access",
                "You have no support access" + (caller.organization() == null ? "" : " for " + caller.organization())
                        + ". An admin of your organization grants it"
                        + (admins.isEmpty() ? " (ask Casework support)" : ": " + String.join(", ", admins)) + ".",
                Map.of("admins", admins));
    }
}
