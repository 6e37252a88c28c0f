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
            String assignee, String externalId, Boolean testCase, Instant updatedSince, String text, Sort sort, Cursor after, int limit) {

        public boolean hasText() {
            return text != null && !text.isBlank();
        }
    }

    /** Sort orders; each is a keyset so that cursors stay stable under inserts. */
    enum Sort {
        UPDATED_DESC(false),
        UPDATED_ASC(true),
        CREATED_DESC(false),
        CREATED_ASC(true),
        /** Best match first (needs a text query); ties newest id first. */
        RELEVANCE(false);

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
            };
        }
    }

    /** Where the previous page ended: the sort key ({@code at} or {@code rank}) and the id of its last case. */
    record Cursor(Instant at, Float rank, UUID id) {
    }
}
