package io.casework.cases.persistence;

import java.util.Optional;
import java.util.UUID;

import io.casework.cases.domain.Case;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Cases by id; lists and searches are {@code io.casework.cases.search.CaseSearch}. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('case_number_seq')").getSingleResult())
                .longValue();
    }

    public Optional<Case> findByIdOptional(UUID id) {
        return Optional.ofNullable(findById(id));
    }

    /** The case of an organization that the given filing party (partner, else creator) gave this external id. */
    public Case byExternalId(String externalId, String organization, String owner) {
        return find("externalId = ?1 and organization = ?2 and coalesce(filedByReseller, creator) = ?3", externalId,
                organization, owner).firstResult();
    }
}
