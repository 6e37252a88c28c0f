package io.casework.status.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.status.domain.Audience;
import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('incident_number_seq')")
                .getSingleResult()).longValue();
    }

    public Optional<Incident> findByIdOptional(UUID id) {
        return Optional.ofNullable(findById(id));
    }

    /** The incident, locked until the transaction ends: updates to one incident are applied one at a time. */
    public Optional<Incident> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Up to {@code limit} incidents the audience may see, newest first, after the position (created, id) when given. */
    public List<Incident> newestFirst(Audience audience, Instant afterCreatedAt, UUID afterId, int limit) {
        Parameters parameters = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (!audience.seesDrafts()) {
            where.append(" and draft = false");
        }
        if (!audience.sees(Visibility.CUSTOMERS)) {
            where.append(" and visibility = :public");
            parameters.and("public", Visibility.PUBLIC);
        }
        if (afterCreatedAt != null) {
            where.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            parameters.and("created", afterCreatedAt).and("id", afterId);
        }
        return find(where.toString(), NEWEST_FIRST, parameters).range(0, limit - 1).list();
    }

    /** Published incidents not yet resolved that affect the product: they set its status. */
    public List<Incident> openAffecting(String productId) {
        return openAffectingAny(List.of(productId));
    }

    /** Published incidents not yet resolved that affect any of the products, newest first. */
    public List<Incident> openAffectingAny(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return find("select distinct i from Incident i join i.affectedProducts p"
                + " where p.id in :products and i.draft = false and i.state <> :resolved order by i.createdAt desc",
                Parameters.with("products", productIds).and("resolved", IncidentState.RESOLVED)).list();
    }

    /** What the public views show: published public incidents still open, or resolved since {@code since}; newest first. */
    public List<Incident> onBoard(Instant since, int limit) {
        return find("draft = false and visibility = :public and (state <> :resolved or resolvedAt >= :since)",
                NEWEST_FIRST, Parameters.with("public", Visibility.PUBLIC).and("resolved", IncidentState.RESOLVED)
                        .and("since", since))
                .range(0, limit - 1).list();
    }

    /**
     * Published maintenance whose window calls for a move at {@code now}: SCHEDULED past its start (autoStart), or
     * IN_PROGRESS/MONITORING past its end (autoComplete); oldest window first. Served by the partial indexes of V6.
     */
    public List<UUID> dueByWindow(Instant now, int limit) {
        return getEntityManager().createQuery("select i.id from Incident i where i.kind = :maintenance and i.draft = false"
                + " and ((i.state = :scheduled and i.autoStart = true and i.windowStart <= :now)"
                + " or (i.state in :underway and i.autoComplete = true and i.windowEnd <= :now))"
                + " order by i.windowStart, i.id", UUID.class)
                .setParameter("maintenance", IncidentKind.MAINTENANCE).setParameter("scheduled", IncidentState.SCHEDULED)
                .setParameter("underway", List.of(IncidentState.IN_PROGRESS, IncidentState.MONITORING))
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
