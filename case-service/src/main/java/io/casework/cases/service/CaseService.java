package io.casework.cases.service;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.UUID;

import io.casework.cases.config.CaseConfig;
import io.casework.cases.domain.Caller;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseNotFoundException;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Channel;
import io.casework.cases.domain.Priority;
import io.casework.cases.messaging.event.CaseOpened;
import io.casework.cases.messaging.outbound.EventOutbox;
import io.casework.cases.persistence.CaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.BadRequestException;

/** Case use cases; every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final EventOutbox outbox;
    private final CaseConfig config;

    CaseService(CaseRepository cases, EventOutbox outbox, CaseConfig config) {
        this.cases = cases;
        this.outbox = outbox;
        this.config = config;
    }

    public record OpenCase(String organization, String product, String subject, String description,
            Priority priority, String contactEmail, String language, Channel channel) {
    }

    @Transactional
    public Case open(OpenCase command, Caller caller) {
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
        supportCase.language = command.language() != null ? command.language() : "en";
        supportCase.channel = command.channel() != null ? command.channel()
                : caller.isPartner() ? Channel.PARTNER_API : Channel.PORTAL;
        supportCase.createdAt = Instant.now();
        supportCase.updatedAt = supportCase.createdAt;
        cases.persist(supportCase);
        outbox.record(CaseOpened.TYPE, supportCase.id.toString(), new CaseOpened(supportCase.id, supportCase.number,
                supportCase.organization, supportCase.product, supportCase.subject, supportCase.priority.code(),
                supportCase.state.name(), supportCase.creator, supportCase.contactEmail, supportCase.language,
                supportCase.channel.name(), supportCase.createdAt));
        return supportCase;
    }

    @Transactional
    public Case get(UUID id, Caller caller) {
        Case supportCase = cases.findByIdOptional(id).orElseThrow(() -> new CaseNotFoundException(id));
        if (!canSee(supportCase, caller)) {
            throw new CaseNotFoundException(id);
        }
        return supportCase;
    }

    private static boolean canSee(Case supportCase, Caller caller) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isPartner()) {
            return supportCase.creator.equals(caller.email());
        }
        return supportCase.organization.equals(caller.organization());
    }

    /** Customers file for their own organization; staff and partners name the organization they file for. */
    private static String organizationFor(OpenCase command, Caller caller) {
        if (caller.isStaff() || caller.isPartner()) {
            if (command.organization() == null) {
                throw new BadRequestException("organization is required when filing on behalf of a customer");
            }
            return command.organization();
        }
        if (caller.organization() == null) {
            throw new ForbiddenException("Your account belongs to no organization");
        }
        if (command.organization() != null && !command.organization().equals(caller.organization())) {
            throw new ForbiddenException("Customers can only file cases for their own organization");
        }
        return caller.organization();
    }
}
