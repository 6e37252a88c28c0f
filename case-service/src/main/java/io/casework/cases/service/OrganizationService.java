package io.casework.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.Organization;
import io.casework.cases.domain.SupportAccess;
import io.casework.cases.messaging.event.OrganizationEvents;
import io.casework.cases.persistence.OrganizationRepository;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Organizations and their support access. Platform admins manage organizations; an organization's admins manage its access. */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final ContractService contracts;
    private final EventOutbox outbox;

    OrganizationService(OrganizationRepository organizations, ContractService contracts, EventOutbox outbox) {
        this.organizations = organizations;
        this.contracts = contracts;
        this.outbox = outbox;
    }

    public record OrganizationData(String name, List<String> domains, Organization.PriorityScheme priorityScheme,
            String planId, LocalDate contractEnd, String region, String reseller) {
    }

    /** The optional members a merge patch removes (given as null): the managing reseller, the contract's end date. */
    public record Removals(boolean reseller, boolean contractEnd) {
        public static final Removals NONE = new Removals(false, false);
    }

    @Transactional
    public Organization create(String id, OrganizationData data, Caller caller, Idempotency.Recorder idempotency) {
        requirePlatformAdmin(caller);
        if (organizations.findById(id) != null) {
            throw new CaseRuleException(Kind.CONFLICT, "Organization exists", "An organization " + id + " already exists");
        }
        Organization organization = new Organization();
        organization.id = id;
        organization.createdAt = Instant.now();
        organization.updatedAt = organization.createdAt;
        organization.name = data.name();
        organization.domains = normalizedDomains(data.domains());
        organization.priorityScheme = data.priorityScheme() == null ? Organization.PriorityScheme.P : data.priorityScheme();
        organization.planId = requirePlan(data.planId());
        organization.contractEnd = data.contractEnd();
        organization.region = data.region();
        organization.reseller = requireReseller(data.reseller(), id);
        organization.resellerSince = organization.reseller == null ? null : organization.createdAt;
        organization.resellerAccessSince = organization.resellerSince;
        organization.persist();
        outbox.record(OrganizationEvents.Created.TYPE, id,
                new OrganizationEvents.Created(summary(organization), caller.email(), organization.createdAt));
        idempotency.created(null, id);
        return organization;
    }

    @Transactional
    public List<Organization> list(Caller caller) {
        if (caller.isStaff()) {
            return Organization.list("order by id");
        }
        Organization own = caller.organization() == null ? null : organizations.findById(caller.organization());
        return own != null && isOrganizationAdmin(own.id, caller) ? List.of(own) : List.of();
    }

    /**
     * The organizations the calling partner's organization manages now, in id order after {@code afterId}: at most
     * {@code limit}. Only for partners (the resource allows no other role).
     */
    public List<Organization> clients(Caller caller, String afterId, int limit) {
        if (!caller.isPartner() || caller.organization() == null) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Partners only",
                    "Only a partner (reseller) organization has clients");
        }
        if (afterId == null) {
            return Organization.<Organization>find("reseller = ?1 order by id", caller.organization())
                    .page(0, limit).list();
        }
        return Organization.<Organization>find("reseller = ?1 and id > ?2 order by id", caller.organization(), afterId)
                .page(0, limit).list();
    }

    @Transactional
    public Organization get(String id, Caller caller) {
        Organization organization = organizations.findById(id);
        if (organization == null || !(caller.isStaff() || isOrganizationAdmin(id, caller))) {
            throw new NotFoundException("Organization " + id + " not found");
        }
        return organization;
    }

    /**
     * Replaces the given fields and removes the ones in {@code removals}; a new end date in the future, or none, renews a
     * lapsed contract.
     */
    @Transactional
    public Organization update(String id, OrganizationData data, Removals removals, IfMatch ifMatch, Caller caller) {
        requirePlatformAdmin(caller);
        Organization organization = locked(id, ifMatch);
        Instant now = Instant.now();
        if (data.name() != null) {
            organization.name = data.name();
        }
        if (data.domains() != null) {
            organization.domains = normalizedDomains(data.domains());
        }
        if (data.priorityScheme() != null) {
            organization.priorityScheme = data.priorityScheme();
        }
        if (data.region() != null) {
            organization.region = data.region();
        }
        if (data.planId() != null && !data.planId().equals(organization.planId)) {
            String previous = organization.planId;
            organization.planId = requirePlan(data.planId());
            outbox.record(OrganizationEvents.PlanChanged.TYPE, id,
                    new OrganizationEvents.PlanChanged(summary(organization), previous, caller.email(), now));
        }
        String reseller = removals.reseller() || data.reseller() != null && data.reseller().isBlank() ? null
                : data.reseller();
        if ((removals.reseller() || data.reseller() != null) && !Objects.equals(reseller, organization.reseller)) {
            changeReseller(organization, reseller, caller, now);
        }
        if ((removals.contractEnd() || data.contractEnd() != null) && !Objects.equals(data.contractEnd(), organization.contractEnd)) {
            LocalDate previous = organization.contractEnd;
            organization.contractEnd = removals.contractEnd() ? null : data.contractEnd();
            if (organization.contractLapsed && !organization.contractExpiredOn(LocalDate.now(ZoneOffset.UTC))) {
                contracts.renew(organization, previous, caller.email());
            }
        }
        organization.updatedAt = now;
        return organization;
    }

    /** The client lets its managing reseller see its cases (or stops it, at once). */
    @Transactional
    public Organization setResellerAccess(String id, boolean granted, Caller caller) {
        requireOrganizationAdmin(id, caller);
        Organization organization = locked(id, IfMatch.NONE);
        if (organization.resellerAccess != granted) {
            organization.resellerAccess = granted;
            organization.updatedAt = Instant.now();
            organization.resellerAccessSince = organization.updatedAt;
            outbox.record(OrganizationEvents.ResellerAccessChanged.TYPE, id, new OrganizationEvents.ResellerAccessChanged(
                    summary(organization), caller.email(), organization.updatedAt));
        }
        return organization;
    }

    /**
     * Publishes every organization's current state as {@code io.casework.org.announced} (Casework admins): consumers
     * that lost or never had an organization's history learn it again. Each organization is locked while its event is
     * written, so an announcement never carries a state older than an event published before it.
     */
    @Transactional
    public int announceAll(Caller caller) {
        requirePlatformAdmin(caller);
        List<String> ids = Organization.getEntityManager()
                .createQuery("select o.id from Organization o order by o.id", String.class).getResultList();
        for (String id : ids) {
            Organization organization = locked(id, IfMatch.NONE);
            outbox.record(OrganizationEvents.Announced.TYPE, id, new OrganizationEvents.Announced(summary(organization),
                    organization.resellerSince, OrganizationEvents.Announced.REPUBLISH, caller.email(), Instant.now()));
        }
        return ids.size();
    }

    @Transactional
    public List<SupportAccess> grants(String id, Caller caller) {
        requireOrganizationAdmin(id, caller);
        return organizations.grants(id);
    }

    @Transactional
    public SupportAccess grant(String id, String email, SupportAccess.Role role, Caller caller) {
        requireOrganizationAdmin(id, caller);
        Organization organization = locked(id, IfMatch.NONE);
        String address = email.toLowerCase(Locale.ROOT);
        if (!organization.ownsDomainOf(address)) {
            throw new CaseRuleException(Kind.INVALID, "Address outside the organization",
                    address + " is not in a domain of " + organization.name + " " + organization.domains
                            + ": support users must have an address in one of them",
                    Map.of("domains", organization.domains));
        }
        SupportAccess access = organizations.grant(id, address);
        if (access == null) {
            access = new SupportAccess();
            access.key = new SupportAccess.Key(id, address);
        } else if (access.role == role) {
            return access;
        } else if (access.role == SupportAccess.Role.ADMIN) {
            requireAnotherAdmin(id, address);
        }
        access.role = role;
        access.grantedBy = caller.email();
        access.grantedAt = Instant.now();
        access.persist();
        outbox.record(OrganizationEvents.AccessGranted.TYPE, id, new OrganizationEvents.AccessGranted(
                summary(organization), address, role.name(), caller.email(), access.grantedAt));
        return access;
    }

    @Transactional
    public void revoke(String id, String email, Caller caller) {
        requireOrganizationAdmin(id, caller);
        Organization organization = locked(id, IfMatch.NONE);
        String address = email.toLowerCase(Locale.ROOT);
        SupportAccess access = organizations.grant(id, address);
        if (access == null) {
            throw new NotFoundException(address + " has no support access to " + id);
        }
        if (access.role == SupportAccess.Role.ADMIN) {
            requireAnotherAdmin(id, address);
        }
        access.delete();
        outbox.record(OrganizationEvents.AccessRevoked.TYPE, id,
                new OrganizationEvents.AccessRevoked(summary(organization), address, caller.email(), Instant.now()));
    }

    public static OrganizationEvents.OrganizationSummary summary(Organization o) {
        return new OrganizationEvents.OrganizationSummary(o.id, o.name, List.copyOf(o.domains), o.planId,
                o.priorityScheme.name(), o.region, o.contractEnd, o.contractLapsed, o.reseller, o.resellerAccess);
    }

    private void changeReseller(Organization organization, String reseller, Caller caller, Instant now) {
        String previous = organization.reseller;
        organization.reseller = requireReseller(reseller, organization.id);
        organization.resellerSince = organization.reseller == null ? null : now;
        // A new reseller starts without access: the client grants it again if it wants to.
        organization.resellerAccess = false;
        organization.resellerAccessSince = organization.resellerSince;
        outbox.record(OrganizationEvents.ResellerChanged.TYPE, organization.id,
                new OrganizationEvents.ResellerChanged(summary(organization), previous, caller.email(), now));
    }

    private Organization locked(String id, IfMatch ifMatch) {
        Organization organization = organizations.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            throw new NotFoundException("Organization " + id + " not found");
        }
        if (!ifMatch.allows(organization.version)) {
            throw new CaseRuleException(Kind.PRECONDITION_FAILED, "Stale version",
                    "The organization changed since you read it: read it again and retry");
        }
        return organization;
    }

    private void requireAnotherAdmin(String id, String leaving) {
        if (organizations.admins(id).stream().noneMatch(a -> !a.equals(leaving))) {
            throw new CaseRuleException(Kind.CONFLICT, "Last admin",
                    leaving + " is the last admin of " + id + ": grant ADMIN to someone else first");
        }
    }

    private String requirePlan(String planId) {
        Object known = Organization.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM plan_entitlement WHERE plan_id = :plan")
                .setParameter("plan", planId).getSingleResult();
        if (((Number) known).longValue() == 0) {
            throw new CaseRuleException(Kind.INVALID, "Unknown plan", "No support plan " + planId + " exists");
        }
        return planId;
    }

    private String requireReseller(String reseller, String self) {
        if (reseller == null) {
            return null;
        }
        if (reseller.equals(self) || organizations.findById(reseller) == null) {
            throw new CaseRuleException(Kind.INVALID, "Unknown reseller", "No reseller organization " + reseller + " exists");
        }
        return reseller;
    }

    boolean isOrganizationAdmin(String id, Caller caller) {
        if (caller.roles().contains("admin")) {
            return true;
        }
        if (caller.isStaff() || caller.isPartner() || !Objects.equals(id, caller.organization()) || caller.email() == null) {
            return false;
        }
        SupportAccess access = organizations.grant(id, caller.email());
        return access != null && access.role == SupportAccess.Role.ADMIN;
    }

    private void requireOrganizationAdmin(String id, Caller caller) {
        if (!isOrganizationAdmin(id, caller)) {
            if (organizations.findById(id) == null || !(caller.isStaff() || Objects.equals(id, caller.organization()))) {
                throw new NotFoundException("Organization " + id + " not found");
            }
            throw new CaseRuleException(Kind.FORBIDDEN, "Organization admins only",
                    "Only an admin of " + id + " manages its support access: " + String.join(", ", organizations.admins(id)));
        }
    }

    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.roles().contains("admin")) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Casework admins only", "Only Casework admins manage organizations");
        }
    }

    private static List<String> normalizedDomains(List<String> domains) {
        return domains == null ? new ArrayList<>()
                : new ArrayList<>(domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList());
    }
}
