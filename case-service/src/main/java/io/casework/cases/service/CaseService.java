package io.casework.cases.service;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.casework.cases.config.CaseConfig;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseDetails;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Channel;
import io.casework.cases.domain.Organization;
import io.casework.cases.domain.Priority;
import io.casework.cases.messaging.event.CaseChanges;
import io.casework.cases.messaging.event.CaseOpened;
import io.casework.cases.messaging.event.CaseSummary;
import io.casework.cases.persistence.CaseRepository;
import io.casework.cases.persistence.OrganizationRepository;
import io.casework.cases.search.CaseSearch;
import io.casework.cases.search.CaseSearch.CaseFilter;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Filing, reading, listing and editing cases; every change writes history and its event in one transaction. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseHistory history;
    private final EventOutbox outbox;
    private final CaseConfig config;
    private final AccessPolicy policy;
    private final OrganizationRepository organizations;
    private final CaseSearch search;

    CaseService(CaseRepository cases, CaseAccess access, CaseHistory history, EventOutbox outbox, CaseConfig config,
            AccessPolicy policy, OrganizationRepository organizations, CaseSearch search) {
        this.cases = cases;
        this.search = search;
        this.policy = policy;
        this.organizations = organizations;
        this.access = access;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
    }

    public record OpenCase(String organization, String product, String subject, String description,
            Priority priority, String contactEmail, List<String> ccEmails, String language, Channel channel,
            List<UUID> relatedCaseIds, String knownIssueId, CaseDetails details, String externalId, boolean testCase) {
    }

    public record CaseEdit(String subject, List<String> ccEmails, List<UUID> relatedCaseIds,
            java.util.function.UnaryOperator<CaseDetails> details) {
    }

    /** Files a case; the Idempotency-Key (if any), the case and its event commit together. */
    @Transactional
    public Case open(OpenCase command, Caller caller, Idempotency.Recorder idempotency) {
        policy.requireMember(caller);
        Case supportCase = newCase(command, caller);
        policy.requireWrite(supportCase.organization, caller);
        Organization organization = organizations.findById(supportCase.organization);
        if (organization == null) {
            throw new CaseRuleException(Kind.INVALID, "Unknown organization",
                    "No organization " + supportCase.organization + " exists");
        }
        requireUnusedExternalId(supportCase, caller);
        persistOpened(supportCase, organization, "Filed via " + supportCase.channel);
        idempotency.created(supportCase.id, null);
        return supportCase;
    }

    /**
     * An external id names one case per organization and filing party. A concurrent filing with the same one that
     * commits first makes this transaction fail on the unique index (support_case_external_id); the caller's retry
     * then ends here.
     */
    private void requireUnusedExternalId(Case supportCase, Caller caller) {
        if (supportCase.externalId == null) {
            return;
        }
        Case earlier = cases.byExternalId(supportCase.externalId, supportCase.organization, supportCase.externalIdOwner());
        if (earlier != null) {
            Map<String, Object> found = access.canSee(earlier, caller)
                    ? Map.of("caseId", earlier.id.toString(), "caseNumber", earlier.number) : Map.of();
            throw new CaseRuleException(Kind.CONFLICT, "externalId already used",
                    "A case of " + supportCase.organization + " filed by " + supportCase.externalIdOwner()
                            + " already has externalId " + supportCase.externalId
                            + "; find it with GET /api/v1/cases?externalId=", found);
        }
    }

    /** Opens the case of a "Me too" on a known issue, for the subscriber, linked to the issue. */
    @Transactional(Transactional.TxType.MANDATORY)
    Case openForKnownIssue(io.casework.cases.messaging.event.KnownIssueSubscription issue, Organization organization,
            String subscriber, Priority priority) {
        Caller caller = new Caller(subscriber, organization.id, java.util.Set.of("customer"));
        String product = issue.affectedProducts() == null || issue.affectedProducts().isEmpty() ? "Known issue"
                : issue.affectedProducts().getFirst();
        String subject = "[" + issue.incidentNumber() + "] " + issue.title();
        Case supportCase = newCase(new OpenCase(organization.id, product, subject.length() > 255 ? subject.substring(0, 255) : subject,
                "Affected by known issue " + issue.incidentNumber() + " (\"Me too\")."
                        + (issue.summary() == null ? "" : "\n\n" + issue.summary()),
                priority, subscriber, null, null, null, null, issue.incidentId().toString(), null, null, false), caller);
        persistOpened(supportCase, organization, "Me too on known issue " + issue.incidentNumber());
        return supportCase;
    }

    /** Stores a new case with the reseller managing its organization now, its first history entry and case.opened. */
    private void persistOpened(Case supportCase, Organization organization, String reason) {
        supportCase.resellerAtFiling = organization.reseller;
        cases.persist(supportCase);
        history.record(supportCase.id, supportCase.createdAt, supportCase.creator, "OPENED", null, null,
                supportCase.state, reason);
        outbox.record(CaseOpened.TYPE, supportCase.id.toString(), new CaseOpened(CaseSummary.of(supportCase),
                supportCase.creator, supportCase.filedByReseller, List.copyOf(supportCase.relatedCaseIds),
                supportCase.knownIssueId, supportCase.createdAt));
    }

    // Reads run without a transaction: no flush or dirty checking, the request's session only loads.
    public Case get(UUID id, Caller caller) {
        return access.visible(id, caller);
    }

    // The search runs its statements in a read transaction of its own (statement timeout).
    public List<CaseSearch.Hit> list(CaseFilter filter, Caller caller) {
        policy.requireMember(caller);
        return search.search(filter, caller);
    }

    @Transactional
    public Case update(UUID id, CaseEdit edit, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        if (!supportCase.state.isOpen()) {
            throw new CaseRuleException(Kind.CONFLICT, "Case closed", "A closed case cannot be edited");
        }
        Instant now = Instant.now();
        List<String> changed = new ArrayList<>();
        if (edit.subject() != null && !edit.subject().equals(supportCase.subject)) {
            history.record(id, now, caller.email(), "UPDATED", "subject", supportCase.subject, edit.subject(), null);
            supportCase.subject = edit.subject();
            changed.add("subject");
        }
        if (edit.ccEmails() != null && !edit.ccEmails().equals(supportCase.ccEmails)) {
            history.record(id, now, caller.email(), "UPDATED", "ccEmails", supportCase.ccEmails, edit.ccEmails(), null);
            supportCase.ccEmails = new ArrayList<>(new LinkedHashSet<>(edit.ccEmails()));
            changed.add("ccEmails");
        }
        if (edit.relatedCaseIds() != null && !edit.relatedCaseIds().equals(supportCase.relatedCaseIds)) {
            requireVisible(edit.relatedCaseIds(), caller, id);
            history.record(id, now, caller.email(), "UPDATED", "relatedCaseIds", supportCase.relatedCaseIds,
                    edit.relatedCaseIds(), null);
            supportCase.relatedCaseIds = new ArrayList<>(edit.relatedCaseIds());
            changed.add("relatedCaseIds");
        }
        if (edit.details() != null) {
            CaseDetails merged = edit.details().apply(supportCase.details);
            if (!merged.equals(supportCase.details)) {
                history.record(id, now, caller.email(), "UPDATED", "details", null, null, null);
                supportCase.details = merged;
                changed.add("details");
            }
        }
        if (!changed.isEmpty()) {
            supportCase.updatedAt = now;
            outbox.record(CaseChanges.CaseUpdated.TYPE, id.toString(),
                    new CaseChanges.CaseUpdated(CaseSummary.of(supportCase), changed, caller.email(), now));
        }
        return supportCase;
    }

    private Case newCase(OpenCase command, Caller caller) {
        Case supportCase = new Case();
        supportCase.id = UUID.randomUUID();
        supportCase.organization = organizationFor(command, caller);
        supportCase.number = "%s-%d-%06d".formatted(config.caseNumber().prefix(), Year.now(ZoneOffset.UTC).getValue(),
                cases.nextNumber());
        supportCase.product = command.product();
        supportCase.subject = command.subject();
        supportCase.description = command.description();
        supportCase.priority = command.priority();
        supportCase.state = CaseState.NEW;
        supportCase.creator = caller.email();
        supportCase.contactEmail = command.contactEmail() != null ? command.contactEmail() : caller.email();
        if (supportCase.contactEmail == null || !supportCase.contactEmail.contains("@")) {
            // A partner integration's service account has no mailbox: the person to tell must be named.
            throw new CaseRuleException(Kind.INVALID, "contactEmail required",
                    "contactEmail is required when the caller has no e-mail address (e.g. a partner integration)");
        }
        supportCase.ccEmails = command.ccEmails() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(command.ccEmails()));
        supportCase.language = command.language() != null ? command.language() : "en";
        supportCase.channel = channelFor(command, caller);
        supportCase.filedByReseller = caller.isPartner() ? caller.organization() : null;
        if (command.relatedCaseIds() != null && !command.relatedCaseIds().isEmpty()) {
            requireVisible(command.relatedCaseIds(), caller, null);
            supportCase.relatedCaseIds = new ArrayList<>(new LinkedHashSet<>(command.relatedCaseIds()));
        }
        supportCase.knownIssueId = command.knownIssueId();
        supportCase.externalId = command.externalId();
        supportCase.testCase = command.testCase();
        supportCase.details = command.details() != null ? command.details() : CaseDetails.NONE;
        supportCase.createdAt = Instant.now();
        supportCase.updatedAt = supportCase.createdAt;
        return supportCase;
    }

    /** Related cases must exist and be visible to the caller; anything else is named in a 400. */
    private void requireVisible(List<UUID> ids, Caller caller, UUID self) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        Map<UUID, Case> found = new HashMap<>();
        cases.list("id in ?1", wanted).forEach(c -> found.put(c.id, c));
        List<UUID> unknown = wanted.stream()
                .filter(id -> Objects.equals(id, self) || !found.containsKey(id) || !access.canSee(found.get(id), caller))
                .toList();
        if (!unknown.isEmpty()) {
            throw new CaseRuleException(Kind.INVALID, "Unknown related cases",
                    "relatedCaseIds names cases that do not exist or that you cannot see: " + unknown);
        }
    }

    private static Channel channelFor(OpenCase command, Caller caller) {
        if (command.channel() == null) {
            return caller.isPartner() ? Channel.PARTNER_API : Channel.PORTAL;
        }
        if ((command.channel() == Channel.PHONE || command.channel() == Channel.EMAIL) && !caller.isStaff()) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Staff-only channel",
                    "Cases taken by phone or e-mail are filed by support staff for the customer");
        }
        return command.channel();
    }

    /** Customers file for their own organization; staff and partners name the organization they file for. */
    private static String organizationFor(OpenCase command, Caller caller) {
        if (caller.isStaff() || caller.isPartner()) {
            if (command.organization() == null) {
                throw new CaseRuleException(Kind.INVALID, "Organization required",
                        "organization is required when filing on behalf of a customer");
            }
            return command.organization();
        }
        if (caller.organization() == null) {
            throw new CaseRuleException(Kind.FORBIDDEN, "No organization", "Your account belongs to no organization");
        }
        if (command.organization() != null && !command.organization().equals(caller.organization())) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Other organization",
                    "Customers can only file cases for their own organization");
        }
        return caller.organization();
    }
}
