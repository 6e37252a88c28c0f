package io.casework.cases.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.cases.domain.Attachment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    public List<Attachment> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** The attachment only if it belongs to {@code caseId}: an id from another case is not found here. */
    public Optional<Attachment> onCase(UUID caseId, UUID attachmentId) {
        return find("id = ?1 and caseId = ?2", attachmentId, caseId).firstResultOptional();
    }
}
