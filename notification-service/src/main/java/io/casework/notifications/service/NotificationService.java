package io.casework.notifications.service;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.inbox.CloudEventRecords;
import io.casework.notifications.messaging.event.CaseChanged;
import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.messaging.event.ContractChanged;
import io.casework.notifications.messaging.event.IncidentChanged;
import io.casework.notifications.messaging.event.PostmortemPublished;
import io.casework.notifications.messaging.event.SlaAlerted;
import io.casework.notifications.messaging.event.SlaTargetsSet;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides which mails an event causes (from the event and what the service knows now) and hands each to
 * {@link MailQueue}. Used by the event handlers and by the ops retry of a legacy dead letter.
 */
@ApplicationScoped
public class NotificationService {

    /** Event types that cause mail. */
    public static final Set<String> MAILING_TYPES = Set.of(CaseOpened.TYPE, CaseChanged.STATE_CHANGED,
            CaseChanged.COMMENT_ADDED, CaseChanged.ESCALATED, CaseChanged.RESOLVED, CaseChanged.CLOSED,
            CaseChanged.REOPENED, SlaTargetsSet.TYPE, SlaAlerted.WARNING, SlaAlerted.BREACHED, IncidentChanged.PUBLISHED,
            IncidentChanged.UPDATED, PostmortemPublished.TYPE, ContractChanged.LAPSED, ContractChanged.RENEWED);

    private final CaseNotifications cases;
    private final SlaNotifications sla;
    private final IncidentNotifications incidents;
    private final ContractNotifications contracts;
    private final ObjectMapper json;

    NotificationService(CaseNotifications cases, SlaNotifications sla, IncidentNotifications incidents,
            ContractNotifications contracts, ObjectMapper json) {
        this.cases = cases;
        this.sla = sla;
        this.incidents = incidents;
        this.contracts = contracts;
        this.json = json;
    }

    /** The mails {@code event} causes, one per recipient; none for a type that mails nobody. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> plan(CloudEvent event) {
        String id = event.getId();
        return switch (event.getType()) {
            case CaseOpened.TYPE -> cases.opened(id, read(event, CaseOpened.class));
            case CaseChanged.STATE_CHANGED, CaseChanged.COMMENT_ADDED, CaseChanged.ESCALATED, CaseChanged.RESOLVED,
                    CaseChanged.CLOSED, CaseChanged.REOPENED -> cases.changed(id, event.getType(), read(event, CaseChanged.class));
            case SlaAlerted.WARNING, SlaAlerted.BREACHED -> sla.alerted(id, event.getType(), read(event, SlaAlerted.class));
            case SlaTargetsSet.TYPE -> {
                SlaTargetsSet set = read(event, SlaTargetsSet.class);
                yield set.caseId() == null || set.targets() == null ? List.of() : cases.firstResponseTarget(id, set.caseId(),
                        set.targets().stream().filter(t -> "FIRST_RESPONSE".equals(t.metric()) && "RUNNING".equals(t.state()))
                                .map(SlaTargetsSet.Target::dueAt).findFirst().orElse(null));
            }
            case IncidentChanged.PUBLISHED, IncidentChanged.UPDATED ->
                    incidents.changed(id, event.getType(), read(event, IncidentChanged.class));
            case PostmortemPublished.TYPE -> incidents.reportPublished(id, read(event, PostmortemPublished.class));
            case ContractChanged.LAPSED, ContractChanged.RENEWED ->
                    contracts.changed(id, event.getType(), read(event, ContractChanged.class));
            default -> List.of();
        };
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        return CloudEventRecords.data(event, type, json);
    }
}
