package io.casework.cases.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.cases.domain.Comment;
import io.casework.cases.domain.HistoryEntry;
import io.casework.rest.Caller;
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

    @Schema(name = "CaseTimelineItem", description = "A change to the case, or a comment (action COMMENTED)",
            requiredProperties = { "at", "actor", "action", "field", "oldValue", "newValue", "reason", "commentId",
                    "visibility", "body" })
    public record Item(Instant at,
            @Schema(description = "Who: an e-mail, or a system actor") String actor,
            @Schema(description = "What happened, e.g. FILED, STATE_CHANGED, ASSIGNED, COMMENTED", examples = "STATE_CHANGED") String action,
            @Schema(description = "The field a change is about", nullable = true) String field,
            @Schema(nullable = true) String oldValue,
            @Schema(nullable = true) String newValue,
            @Schema(nullable = true) String reason,
            @Schema(description = "A comment's id", nullable = true) UUID commentId,
            @Schema(description = "A comment's visibility", nullable = true, implementation = io.casework.cases.domain.Visibility.class) String visibility,
            @Schema(description = "A comment's text", nullable = true) String body) {
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
