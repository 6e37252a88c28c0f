package io.casework.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Case search and lists (docs/cases.md "Search", docs/search.md). */
@ConfigMapping(prefix = "casework.search")
public interface SearchConfig {

    /**
     * Which {@code CaseSearch} answers lists and searches: {@code postgres} (the indexes in case-service's database).
     * Read at build time; docs/search.md describes {@code opensearch}.
     */
    @WithDefault("postgres")
    String engine();

    /**
     * Longest a list or search query may run in the database; past it the request is answered 503 with Retry-After
     * instead of holding a core.
     */
    @WithDefault("3s")
    Duration statementTimeout();

    /**
     * A search first walks at most this many cases in sort order (most recently updated first for relevance) and keeps
     * those that match: a frequent word fills its page (or, for relevance, its relevance-window) there, at a bounded
     * cost, without reading all its matches.
     */
    @WithDefault("2000")
    int walkBudget();

    /**
     * When the walk did not fill the page: a search reads at most this many matches from the text indexes and sorts
     * them (exact, also for relevance); words that match more are answered by walking the cases in sort order.
     */
    @WithDefault("2000")
    int exactMatchLimit();

    /**
     * With sort=relevance, for a word frequent among recent cases (found that often within walk-budget cases) or with
     * more matches than exact-match-limit: how many of the most recently updated matches are ranked (a bound on the
     * work).
     */
    @WithDefault("100")
    int relevanceWindow();
}
