package io.casework.notifications.messaging.inbound;

import java.time.Instant;
import java.util.Set;

import io.casework.messaging.inbox.MalformedEventException;
import io.casework.notifications.messaging.event.CaseChanged;
import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.persistence.KnownCaseRepository;
import io.casework.notifications.service.MailQueue;
import io.casework.notifications.service.NotificationService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Turns case events into notifications, each event id once: the processed-message log is written in the
 * same transaction, and each recipient's delivery row keeps a retried event from mailing anyone twice. Every
 * case event also refreshes what the service knows of the case (the assignee that SLA mails go to).
 */
@ApplicationScoped
public class CaseEventHandler {

    /** The types this handler applies; others get no inbox row. */
    public static final Set<String> HANDLED = Set.of(CaseOpened.TYPE, CaseChanged.STATE_CHANGED, CaseChanged.COMMENT_ADDED,
            CaseChanged.ESCALATED, CaseChanged.RESOLVED, CaseChanged.CLOSED, CaseChanged.REOPENED, CaseChanged.ASSIGNED);

    private final NotificationService notifications;
    private final MailQueue mails;
    private final KnownCaseRepository cases;

    CaseEventHandler(NotificationService notifications, KnownCaseRepository cases, MailQueue mails) {
        this.notifications = notifications;
        this.mails = mails;
        this.cases = cases;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        if (CaseOpened.TYPE.equals(event.getType())) {
            CaseOpened opened = notifications.read(event, CaseOpened.class);
            require(event, opened.caseId() != null && opened.number() != null && present(opened.contactEmail()));
            cases.recordSummary(opened.caseId(), opened.number(), opened.organization(), opened.subject(),
                    opened.product(), opened.priority(), null, Boolean.TRUE.equals(opened.testCase()), Instant.now());
        } else {
            CaseChanged changed = notifications.read(event, CaseChanged.class);
            require(event, changed.caseId() != null && changed.number() != null && present(changed.contactEmail()));
            cases.recordSummary(changed, Instant.now());
        }
        mails.enqueue(notifications.plan(event));
    }

    private static void require(CloudEvent event, boolean valid) {
        if (!valid) {
            throw new MalformedEventException(event.getType() + " event " + event.getId()
                    + " lacks caseId, number or contactEmail");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
