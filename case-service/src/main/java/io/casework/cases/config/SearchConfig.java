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
     * A search reads at most this many matches from the text indexes and sorts them (exact, also for relevance);
     * words that match more are answered by walking the cases in sort order instead.
     */
    @WithDefault("2000")
    int exactMatchLimit();

    /**
     * With sort=relevance and more matches than exact-match-limit: how many of the most recently updated matches are
     * ranked (a bound on the work).
     */
    @WithDefault("1000")
    int relevanceWindow();
}
