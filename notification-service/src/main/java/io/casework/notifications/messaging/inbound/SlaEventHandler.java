package io.casework.notifications.messaging.inbound;

import java.time.Instant;
import java.util.Set;

import io.casework.messaging.inbox.MalformedEventException;
import io.casework.notifications.messaging.event.SlaAlerted;
import io.casework.notifications.messaging.event.SlaTargetsSet;
import io.casework.notifications.persistence.KnownCaseRepository;
import io.casework.notifications.service.MailQueue;
import io.casework.notifications.service.NotificationService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * SLA events, each id once: targets-set keeps the case's first-response due time (for the case mails) and mails it to
 * those whose receipt promised it; warnings and breaches are mailed to the assignee and the ops list.
 */
@ApplicationScoped
public class SlaEventHandler {

    /** The types this handler applies; others get no inbox row. */
    public static final Set<String> HANDLED = Set.of(SlaTargetsSet.TYPE, SlaAlerted.WARNING, SlaAlerted.BREACHED);

    private final NotificationService notifications;
    private final MailQueue mails;
    private final KnownCaseRepository cases;

    SlaEventHandler(NotificationService notifications, KnownCaseRepository cases, MailQueue mails) {
        this.notifications = notifications;
        this.mails = mails;
        this.cases = cases;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        if (SlaTargetsSet.TYPE.equals(event.getType())) {
            SlaTargetsSet set = notifications.read(event, SlaTargetsSet.class);
            if (set.caseId() == null || set.targets() == null) {
                throw new MalformedEventException(event.getType() + " event " + event.getId() + " lacks caseId or targets");
            }
            set.targets().stream()
                    .filter(t -> "FIRST_RESPONSE".equals(t.metric()))
                    .findFirst()
                    .ifPresent(t -> cases.recordFirstResponse(set.caseId(), t.dueAt(), t.state(), Instant.now()));
            // The upsert above waits for a case event's transaction that holds the case's row (the receipt being
            // sent): so either that receipt is committed now and gets its target in a mail of its own, or it reads
            // the target recorded here and states it.
            mails.enqueue(notifications.plan(event));
            return;
        }
        SlaAlerted alert = notifications.read(event, SlaAlerted.class);
        if (alert.caseId() == null) {
            throw new MalformedEventException(event.getType() + " event " + event.getId() + " lacks caseId");
        }
        if (Boolean.TRUE.equals(alert.testCase())) {
            cases.recordTestCase(alert.caseId(), Instant.now()); // its mails are then suppressed, see MailQueue
        }
        mails.enqueue(notifications.plan(event));
    }
}
