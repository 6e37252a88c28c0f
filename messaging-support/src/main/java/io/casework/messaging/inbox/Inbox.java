package io.casework.messaging.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The idempotent consumer's log: an event id is applied once, in the same transaction as its effect. The insert runs at
 * once, not at flush, with ON CONFLICT DO NOTHING: a copy of the event handled concurrently waits until the first copy
 * commits (and is then skipped) or rolls back (and then takes over), so two copies never both apply. Duplicates are
 * counted as {@code casework_inbound_duplicates_total} by type.
 */
@ApplicationScoped
public class Inbox {

    private final MeterRegistry metrics;

    Inbox(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Records the event's id; false when it was processed before (the caller then skips it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(CloudEvent event) {
        return !firstTimeAll(List.of(event)).isEmpty();
    }

    /**
     * Records the ids of {@code events} with one statement and returns those seen for the first time, in their order
     * (a copy of an id that appears twice in the list counts once, as its first occurrence).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> firstTimeAll(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> inserted = new HashSet<>();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_message (event_id, type, processed_at)
                    SELECT r.event_id, r.type, ? FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS r (event_id, type)
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                    """)) {
                insert.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(CloudEvent::getId).toArray()));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(CloudEvent::getType).toArray()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
        });
        List<CloudEvent> first = new ArrayList<>(inserted.size());
        for (CloudEvent event : events) {
            if (inserted.remove(event.getId())) {
                first.add(event);
            } else {
                metrics.counter("casework.inbound.duplicates", "type", event.getType()).increment();
            }
        }
        return first;
    }
}
