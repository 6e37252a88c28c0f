package io.casework.cases.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Priority;
import io.casework.rest.Caller;

/**
 * Lists and searches the cases a caller may see. The embedded implementation is {@link PostgresCaseSearch} (full-text
 * and trigram indexes in case-service's database); docs/search.md describes the OpenSearch one a larger installation
 * would switch to with {@code casework.search.engine}. Every implementation passes {@code CaseSearchContract}.
 *
 * <p>Access rules are the implementation's duty and the same for all: staff see every case and internal notes;
 * a customer sees only their organization's cases and public comments; a partner the cases it filed while it managed
 * the client, while it still manages it and holds access.
 */
public interface CaseSearch {

    /** Longest free-text query accepted (characters): a bound on the work one query can ask for. */
    int MAX_QUERY_LENGTH = 200;

    /**
     * One page of matching cases in {@code filter.sort()} order: at most {@code filter.limit() + 1} hits (one more
     * than asked shows that there is a next page).
     */
    List<Hit> search(CaseFilter filter, Caller caller);

    /**
     * A found case. With a text query, {@code rank} (higher is more relevant) and {@code snippet}: HTML-escaped text
     * of the case around the matched words, each wrapped in {@code <mark>…</mark>}; both null without a query.
     */
    record Hit(Case supportCase, Float rank, String snippet) {
    }

    record CaseFilter(Set<CaseState> states, Boolean open, Priority priority, String product, String creator,
            String assignee, String externalId, Boolean testCase, Instant updatedSince, String text, Sort sort,
            Cursor after, int limit, Desk desk) {

        public CaseFilter(Set<CaseState> states, Boolean open, Priority priority, String product, String creator,
                String assignee, String externalId, Boolean testCase, Instant updatedSince, String text, Sort sort,
                Cursor after, int limit) {
            this(states, open, priority, product, creator, assignee, externalId, testCase, updatedSince, text, sort,
                    after, limit, Desk.ANY);
        }

        public CaseFilter {
            desk = desk == null ? Desk.ANY : desk;
        }

        public boolean hasText() {
            return text != null && !text.isBlank();
        }
    }

    /**
     * The agent desk's filters (null: any). {@code organization} narrows what the caller may see, never widens it;
     * {@code dueBefore} keeps the cases whose next SLA target is due before it (none paused, none without a target).
     */
    record Desk(String organization, Boolean escalated, Boolean breached, Instant dueBefore) {

        public static final Desk ANY = new Desk(null, null, null, null);
    }

    /** Sort orders; each is a keyset so that cursors stay stable under inserts. */
    enum Sort {
        UPDATED_DESC(false),
        UPDATED_ASC(true),
        CREATED_DESC(false),
        CREATED_ASC(true),
        /** Best match first (needs a text query); ties newest id first. */
        RELEVANCE(false),
        /**
         * The agent queue: priority (P1 first), then the next SLA target's due time (soonest first, none last), then
         * time of arrival (oldest first), then id.
         */
        PRIORITY_DUE(true);

        public final boolean ascending;

        Sort(boolean ascending) {
            this.ascending = ascending;
        }

        public Cursor cursorAfter(Hit last) {
            Case c = last.supportCase();
            return switch (this) {
                case UPDATED_DESC, UPDATED_ASC -> new Cursor(c.updatedAt, null, c.id);
                case CREATED_DESC, CREATED_ASC -> new Cursor(c.createdAt, null, c.id);
                case RELEVANCE -> new Cursor(null, last.rank(), c.id);
                case PRIORITY_DUE -> new Cursor(c.createdAt, null, c.id, c.priority, c.slaDueAt);
            };
        }
    }

    /**
     * Where the previous page ended: the sort key ({@code at} or {@code rank}) and the id of its last case; for
     * {@link Sort#PRIORITY_DUE} also its priority and due time (null: none), {@code at} being its creation.
     */
    record Cursor(Instant at, Float rank, UUID id, Priority priority, Instant dueAt) {

        public Cursor(Instant at, Float rank, UUID id) {
            this(at, rank, id, null, null);
        }
    }
}
