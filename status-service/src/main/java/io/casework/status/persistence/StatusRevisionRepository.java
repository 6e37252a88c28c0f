package io.casework.status.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/** A counter that every change of the public views moves: the caches of all instances compare it to theirs. */
@ApplicationScoped
public class StatusRevisionRepository {

    public record Revision(long number, Instant changedAt) {
    }

    /** Signal fired by {@link #bump}: observed after commit, it rebuilds this instance's public views at once. */
    public record RevisionBumped() {
    }

    private final EntityManager em;
    private final Event<RevisionBumped> bumped;

    StatusRevisionRepository(EntityManager em, Event<RevisionBumped> bumped) {
        this.em = em;
        this.bumped = bumped;
    }

    public void bump(Instant at) {
        em.createNativeQuery("UPDATE status_revision SET revision = revision + 1, changed_at = :at WHERE id = 1")
                .setParameter("at", at)
                .executeUpdate();
        bumped.fire(new RevisionBumped());
    }

    public Revision current() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT revision, changed_at FROM status_revision WHERE id = 1")
                .getSingleResult();
        return new Revision(((Number) row[0]).longValue(), toInstant(row[1]));
    }

    static Instant toInstant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
