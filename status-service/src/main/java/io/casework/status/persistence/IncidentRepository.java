package io.casework.status.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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

    /** Up to {@code limit} incidents, newest first, after the position (created, id) when one is given. */
    public List<Incident> newestFirst(Instant afterCreatedAt, UUID afterId, int limit) {
        var query = afterCreatedAt == null
                ? findAll(NEWEST_FIRST)
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2)", NEWEST_FIRST, afterCreatedAt, afterId);
        return query.range(0, limit - 1).list();
    }

    /** Severities of the incidents not yet resolved that affect the product. */
    public List<Severity> openSeveritiesAffecting(String productId) {
        return getEntityManager()
                .createQuery("select i.severity from Incident i join i.affectedProducts p"
                        + " where p.id = :product and i.state <> :resolved", Severity.class)
                .setParameter("product", productId)
                .setParameter("resolved", IncidentState.RESOLVED)
                .getResultList();
    }
}
