package io.casework.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.jboss.logging.Logger;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Organization;
import io.casework.cases.messaging.event.OrganizationEvents;
import io.casework.cases.persistence.OrganizationRepository;
import io.casework.messaging.outbox.EventOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Maintenance contracts (seed 003): when one ends, every active case of the organization goes ON_HOLD (SLA
 * clocks pause on the state-changed events); on renewal each returns to the state it had. Both run under a
 * lock on the organization row and check its flag first, so they are idempotent and safe on several instances.
 */
@ApplicationScoped
public class ContractService {

    private static final Logger LOG = Logger.getLogger(ContractService.class);

    private final OrganizationRepository organizations;
    private final CaseWorkflow workflow;
    private final EventOutbox outbox;

    ContractService(OrganizationRepository organizations, CaseWorkflow workflow, EventOutbox outbox) {
        this.organizations = organizations;
        this.workflow = workflow;
        this.outbox = outbox;
    }

    /** Puts the organization's active cases on hold if its contract has ended; returns how many were held. */
    @Transactional
    public int lapse(String organizationId) {
        Organization organization = organizations.findById(organizationId, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null || organization.contractLapsed
                || !organization.contractExpiredOn(LocalDate.now(ZoneOffset.UTC))) {
            return 0;
        }
        Instant now = Instant.now();
        organization.contractLapsed = true;
        organization.updatedAt = now;
        List<Case> active = Case.list("organization = ?1 and state in ?2", organizationId, CaseState.ACTIVE);
        for (Case supportCase : active) {
            CaseState from = supportCase.hold();
            workflow.stateChanged(supportCase, from, "system", "Maintenance contract ended on " + organization.contractEnd, now);
        }
        outbox.record(OrganizationEvents.ContractLapsed.TYPE, organizationId,
                new OrganizationEvents.ContractLapsed(OrganizationService.summary(organization), active.size(),
                        organizations.admins(organizationId), now));
        LOG.infof("Contract of %s lapsed: %d case(s) on hold", organizationId, active.size());
        return active.size();
    }

    /** Returns held cases to their previous state after the end date moved into the future. Caller holds the lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int renew(Organization organization, LocalDate previousEnd, String actor) {
        Instant now = Instant.now();
        organization.contractLapsed = false;
        List<Case> held = Case.list("organization = ?1 and state = ?2", organization.id, CaseState.ON_HOLD);
        for (Case supportCase : held) {
            CaseState from = supportCase.release();
            workflow.stateChanged(supportCase, from, actor, "Maintenance contract renewed until " + organization.contractEnd, now);
        }
        outbox.record(OrganizationEvents.ContractRenewed.TYPE, organization.id, new OrganizationEvents.ContractRenewed(
                OrganizationService.summary(organization), previousEnd, held.size(), actor,
                organizations.admins(organization.id), now));
        return held.size();
    }

    /** Lapses every contract whose end date has passed; also checked on every request of the organization's users. */
    @Scheduled(every = "${casework.contract-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void lapseEnded() {
        List<String> ended = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>list(
                "contractLapsed = false and contractEnd < ?1", LocalDate.now(ZoneOffset.UTC)).stream().map(o -> o.id).toList());
        ended.forEach(this::lapse);
    }
}
