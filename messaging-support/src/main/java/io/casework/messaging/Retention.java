package io.casework.messaging;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.casework.messaging.inbox.InboxConfig;
import io.casework.messaging.outbox.OutboxConfig;
import io.casework.messaging.outbox.OutboxRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes published outbox rows older than casework.outbox.published-retention and processed event ids older than
 * casework.inbox.retention, every casework.outbox.purge-interval, in short transactions of at most {@value #CHUNK}
 * rows each (no long lock on either table). One instance at a time (advisory lock); unpublished rows are never deleted.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int CHUNK = 5_000;

    private final OutboxRepository outbox;
    private final OutboxConfig outboxConfig;
    private final InboxConfig inboxConfig;

    Retention(OutboxRepository outbox, OutboxConfig outboxConfig, InboxConfig inboxConfig) {
        this.outbox = outbox;
        this.outboxConfig = outboxConfig;
        this.inboxConfig = inboxConfig;
    }

    public record Purged(long outboxRows, long inboxRows) {
    }

    @Scheduled(every = "${casework.outbox.purge-interval:10m}", delayed = "${casework.outbox.purge-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        try {
            Purged purged = purge(Instant.now());
            if (purged.outboxRows() + purged.inboxRows() > 0) {
                LOG.infof("Purged %d published outbox rows and %d processed event ids", purged.outboxRows(), purged.inboxRows());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed, will retry: %s", e.getMessage());
        }
    }

    /** Purges what is older than the retention periods at {@code now}; returns how many rows of each table went. */
    public Purged purge(Instant now) {
        Instant outboxBefore = now.minus(outboxConfig.publishedRetention());
        Instant inboxBefore = now.minus(inboxConfig.retention());
        long outboxRows = 0;
        long inboxRows = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> locked() ? outbox.purgePublished(outboxBefore, CHUNK) : 0);
            outboxRows += deleted;
        } while (deleted == CHUNK);
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> locked() ? purgeInbox(inboxBefore) : 0);
            inboxRows += deleted;
        } while (deleted == CHUNK);
        return new Purged(outboxRows, inboxRows);
    }

    private static boolean locked() {
        return (Boolean) Panache.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('casework.messaging.retention'))")
                .getSingleResult();
    }

    private static int purgeInbox(Instant before) {
        return Panache.getEntityManager().createNativeQuery("DELETE FROM processed_message WHERE event_id IN "
                + "(SELECT event_id FROM processed_message WHERE processed_at < ?1 LIMIT ?2)")
                .setParameter(1, before)
                .setParameter(2, CHUNK)
                .executeUpdate();
    }
}
