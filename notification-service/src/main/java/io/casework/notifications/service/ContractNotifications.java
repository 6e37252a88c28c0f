package io.casework.notifications.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.ComposedMail;
import io.casework.notifications.mail.ContractMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.messaging.event.ContractChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the organization's admins named by the event that its maintenance contract lapsed or was renewed, each
 * admin once. In English: organizations carry no language.
 */
@ApplicationScoped
public class ContractNotifications {

    private final MailComposer composer;
    private final NotificationConfig config;

    ContractNotifications(MailComposer composer, NotificationConfig config) {
        this.composer = composer;
        this.config = config;
    }

    public List<Notification> changed(String eventId, String type, ContractChanged contract) {
        boolean renewed = ContractChanged.RENEWED.equals(type);
        ContractChanged.OrganizationState organization = contract.organization();
        String name = organization.name() == null || organization.name().isBlank() ? organization.organizationId()
                : organization.name();
        int cases = Objects.requireNonNullElse(renewed ? contract.casesResumed() : contract.casesOnHold(), 0);
        ComposedMail mail = composer.contract(new ContractMail(renewed, name, iso(organization.contractEnd()),
                iso(contract.previousContractEnd()), cases, config.salesEmail()));
        NotificationKind kind = renewed ? NotificationKind.CONTRACT_RENEWED : NotificationKind.CONTRACT_LAPSED;
        List<Notification> mails = new ArrayList<>();
        List<String> admins = contract.admins() == null ? List.of() : contract.admins();
        for (String admin : Recipients.distinct(admins.stream())) {
            mails.add(Notification.aboutOrganization(eventId, kind, organization.organizationId(), admin, Language.EN, mail));
        }
        return mails;
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
