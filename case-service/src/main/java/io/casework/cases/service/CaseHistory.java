package io.casework.cases.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.cases.domain.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes the timeline of a case, in the transaction of the change it records. */
@ApplicationScoped
public class CaseHistory {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, Instant at, String actor, String action, String field, Object oldValue,
            Object newValue, String reason) {
        HistoryEntry entry = new HistoryEntry();
        entry.caseId = caseId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.field = field;
        entry.oldValue = oldValue == null ? null : oldValue.toString();
        entry.newValue = newValue == null ? null : newValue.toString();
        entry.reason = reason;
        entry.persist();
    }

    public void record(UUID caseId, Instant at, String actor, String action, String reason) {
        record(caseId, at, actor, action, null, null, null, reason);
    }

    public List<HistoryEntry> of(UUID caseId) {
        return HistoryEntry.list("caseId = ?1 order by id", caseId);
    }
}
