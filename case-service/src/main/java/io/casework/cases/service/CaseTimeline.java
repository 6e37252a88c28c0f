package io.casework.cases.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.casework.cases.domain.Caller;
import io.casework.cases.domain.Comment;
import io.casework.cases.domain.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A case's history: every change and every comment the caller may see, oldest first. Never e-mail bodies. */
@ApplicationScoped
public class CaseTimeline {

    private final CaseAccess access;
    private final CaseHistory history;
    private final CommentService comments;

    CaseTimeline(CaseAccess access, CaseHistory history, CommentService comments) {
        this.access = access;
        this.history = history;
        this.comments = comments;
    }

    public record Item(Instant at, String actor, String action, String field, String oldValue, String newValue,
            String reason, UUID commentId, String visibility, String body) {
    }

    // Reads run without a transaction: no flush or dirty checking, the request's session only loads.
    public List<Item> of(UUID caseId, Caller caller) {
        access.visible(caseId, caller);
        List<Item> items = new ArrayList<>();
        for (HistoryEntry e : history.of(caseId)) {
            items.add(new Item(e.at, e.actor, e.action, e.field, e.oldValue, e.newValue, e.reason, null, null, null));
        }
        for (Comment c : comments.list(caseId, caller)) {
            items.add(new Item(c.createdAt, c.author, "COMMENTED", null, null, null, null, c.id, c.visibility.name(), c.body));
        }
        items.sort(Comparator.comparing(Item::at));
        return items;
    }
}
