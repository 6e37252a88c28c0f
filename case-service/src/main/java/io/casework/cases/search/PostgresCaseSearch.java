package io.casework.cases.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.casework.cases.config.SearchConfig;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Visibility;
import io.casework.rest.Caller;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Lists and full-text search from PostgreSQL's indexes (migration V8): every query is one index-served statement
 * (QueryPlanTest checks the plans), run under a statement timeout.
 *
 * <p>A text query matches a case when its words match the case's full-text vector (stemmed with the case's language;
 * the query is read as English, French, Dutch and unstemmed at once, so that its language need not be known), or, for
 * a single token of three characters or more, when it matches an identifier in the case (case number, error codes,
 * versions): a whole identifier such as {@code ERR-4030} matches that identifier exactly (token index, migration V17)
 * if some case the caller may see under the filters has it, else, like any other token, as a substring (trigram index):
 * see {@link Identifiers}. Customers and partners search {@code search_public} (subject, description, public
 * comments), staff {@code search_staff} (also internal notes).
 */
@ApplicationScoped
@IfBuildProperty(name = "casework.search.engine", stringValue = "postgres", enableIfMissing = true)
public class PostgresCaseSearch implements CaseSearch {

    private static final Pattern SINGLE_TOKEN = Pattern.compile("\\S{3,}");
    // One identifier as migration V8's casework_codes extracts it (word characters joined by - . : / #) with a digit or
    // an underscore: casework_codes keeps every such word whatever its case, so the token index holds it wherever the
    // text has it. (Its other rule, an upper-case prefix and a dash as in INC-ABC, depends on the case of the text:
    // such a query stays a substring.)
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{Alnum}_]+(?:[-.:/#][\\p{Alnum}_]+)*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DIGIT_OR_UNDERSCORE = Pattern.compile("[0-9_]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String TSQUERY = "(websearch_to_tsquery('pg_catalog.english', :q)"
            + " || websearch_to_tsquery('pg_catalog.french', :q) || websearch_to_tsquery('pg_catalog.dutch', :q)"
            + " || websearch_to_tsquery('pg_catalog.simple', :q))";
    private static final String HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    /** The agent queue's order (Sort.PRIORITY_DUE), ascending, as indexed by migration V18: its keyset too. */
    private static final String DUE_KEY = "COALESCE(c.sla_due_at, CAST('infinity' AS timestamptz))";
    private static final String QUEUE_KEY = "c.priority, " + DUE_KEY + ", c.created_at, c.id";
    private static final String QUEUE_ORDER = "c.priority ASC, " + DUE_KEY + " ASC, c.created_at ASC, c.id ASC";

    private final EntityManager em;
    private final SearchConfig config;

    PostgresCaseSearch(EntityManager em, SearchConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * A statement, its parameters and the planner settings it runs with (SET LOCAL), exactly as run: QueryPlanTest
     * explains these.
     */
    public record Statement(String sql, Map<String, Object> params, Map<String, String> settings) {

        public Statement(String sql, Map<String, Object> params) {
            this(sql, params, Map.of());
        }

        /** Binds the parameters this statement's SQL names (the conditions of a filter carry those of every step). */
        public Query bind(Query query) {
            params.forEach((name, value) -> {
                if (Pattern.compile(":" + name + "(?![A-Za-z0-9_])").matcher(sql).find()) {
                    query.setParameter(name, value);
                }
            });
            return query;
        }
    }

    /**
     * How a single-token query matches the identifiers of a case, besides its words.
     *
     * <ul>
     * <li>{@code TOKEN}: the query is a whole identifier with a letter and a digit or an underscore ({@code ERR-4030},
     * {@code 0x80070005}, {@code QUOTA_EXCEEDED}, {@code C-2026-000042}) and some case the caller may see under the
     * filters has exactly that identifier: the cases with that identifier match, and only they ({@code ERR-4030} does
     * not find {@code ERR-40301}); one posting list of the token index, the full-text vectors are not read.</li>
     * <li>{@code SUBSTRING}: any other token of three characters or more — a number ({@code 4030}), a part of an
     * identifier ({@code 0x8007}, {@code RR-403}), a whole identifier no visible case has: the cases with an identifier
     * that contains it. Trigram index.</li>
     * <li>{@code NONE}: several words, or a token under three characters: words only.</li>
     * </ul>
     */
    public enum Identifiers {
        NONE, SUBSTRING, TOKEN;

        /** The mode a query's shape allows: TOKEN is then taken only if {@link #identifierProbe} finds a case. */
        public static Identifiers of(String text) {
            String token = text == null ? "" : text.strip();
            if (!SINGLE_TOKEN.matcher(token).matches()) {
                return NONE;
            }
            return IDENTIFIER.matcher(token).matches() && DIGIT_OR_UNDERSCORE.matcher(token).find()
                    && LETTER.matcher(token).find() ? TOKEN : SUBSTRING;
        }
    }

    @Override
    @Transactional
    public List<Hit> search(CaseFilter filter, Caller caller) {
        if (filter.hasText() && filter.sort() == Sort.PRIORITY_DUE) {
            throw new IllegalArgumentException("the queue order is not combined with a search text");
        }
        if (!caller.isStaff() && !caller.isPartner() && filter.desk().organization() != null
                && !filter.desk().organization().equals(caller.organization())) {
            return List.of(); // a customer naming another organization: nothing to see, nothing to ask the database
        }
        // SET LOCAL: for this transaction only. Custom plans: the values (how many cases a word matches) decide.
        settings(Map.of("statement_timeout", config.statementTimeout().toMillis() + "ms",
                "plan_cache_mode", "force_custom_plan"));
        List<Object[]> rows;
        if (!filter.hasText()) {
            rows = run(page(filter, caller));
        } else {
            // A word's matches are many (walk the most recent cases in sort order: a page fills within walk-budget
            // rows) or few (read them all from the text indexes, sort them): try the first, bounded to walk-budget
            // rows; if it did not fill a page, the second, bounded to exact-match-limit matches; past that (a word
            // neither frequent among recent cases nor rare), walk without bound, under the statement timeout.
            // Left to its estimates, the planner walked 15,000 rows for a word matching none.
            int wanted = filter.sort() == Sort.RELEVANCE ? config.relevanceWindow() : filter.limit() + 1;
            // A whole identifier is looked up first (how many visible cases have it, up to a tenth of walk-budget): none,
            // it is read as a substring; fewer than that, the walk cannot fill a page in a large table and is skipped.
            Identifiers identifiers = Identifiers.of(filter.text());
            boolean rare = false;
            if (identifiers == Identifiers.TOKEN) {
                Statement probe = identifierProbe(filter, caller);
                settings(probe.settings());
                int found = ((Number) probe.bind(em.createNativeQuery(probe.sql())).getSingleResult()).intValue();
                identifiers = found == 0 ? Identifiers.SUBSTRING : Identifiers.TOKEN;
                rare = found > 0 && found < rareIdentifier();
            }
            rows = rare ? List.of() : run(recent(filter, caller, identifiers));
            if (rows.isEmpty() || ((Number) rows.getFirst()[2]).intValue() < wanted) {
                rows = run(matches(filter, caller, identifiers));
                if (!rows.isEmpty() && ((Number) rows.getFirst()[2]).intValue() > config.exactMatchLimit()) {
                    rows = run(walk(filter, caller, identifiers));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Float> ranks = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ranks.put((UUID) row[0], row[1] == null ? null : ((Number) row[1]).floatValue());
        }
        Map<UUID, String> snippets = new HashMap<>();
        if (filter.hasText()) {
            for (Object[] row : snippets(ranks.keySet(), filter.text(), caller)) {
                UUID id = (UUID) row[0];
                snippets.put(id, (String) row[1]);
                if (ranks.get(id) == null) {
                    ranks.put(id, ((Number) row[2]).floatValue()); // a time-ordered page: in place, order kept
                }
            }
        }
        Map<UUID, Case> loaded = new HashMap<>();
        em.createQuery("from Case c where c.id in :ids", Case.class).setParameter("ids", ranks.keySet()).getResultList()
                .forEach(c -> loaded.put(c.id, c));
        List<Hit> hits = new ArrayList<>(ranks.size());
        ranks.forEach((id, rank) -> {
            Case found = loaded.get(id);
            if (found != null) {
                hits.add(new Hit(found, rank, snippets.get(id)));
            }
        });
        return hits;
    }

    private List<Object[]> run(Statement statement) {
        settings(statement.settings());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.bind(em.createNativeQuery(statement.sql())).getResultList();
        return rows;
    }

    private int rareIdentifier() {
        return Math.max(1, config.walkBudget() / 10);
    }

    /**
     * How many cases the caller may see under the filter's conditions (text and cursor aside: every page of a search
     * decides alike) have the query as a whole identifier, counted up to a tenth of walk-budget: one row. Read from the
     * token index alone.
     */
    public Statement identifierProbe(CaseFilter filter, Caller caller) {
        CaseFilter scope = new CaseFilter(filter.states(), filter.open(), filter.priority(), filter.product(),
                filter.creator(), filter.assignee(), filter.externalId(), filter.testCase(), filter.updatedSince(), null,
                Sort.UPDATED_DESC, null, filter.limit(), filter.desk());
        Conditions q = query(scope, caller, Identifiers.NONE);
        List<String> where = new ArrayList<>(q.where);
        where.add(tokens(caller) + " @> ARRAY[lower(:code)]");
        q.params.put("code", filter.text().strip());
        q.params.put("rare", rareIdentifier());
        Map<String, String> bitmapOnly = Map.of("enable_indexscan", "off", "enable_indexonlyscan", "off",
                "enable_seqscan", "off", "enable_bitmapscan", "on");
        return new Statement("SELECT count(*) FROM (SELECT 1 FROM support_case c" + where(where) + " LIMIT :rare) p",
                q.params, bitmapOnly);
    }

    // The index expression of migration V17, verbatim: the planner matches it to the token index.
    private static String tokens(Caller caller) {
        return caller.isStaff() ? "casework_code_tokens(c.search_codes_staff)"
                : "casework_code_tokens(c.search_codes_public)";
    }

    private void settings(Map<String, String> settings) {
        settings.forEach((name, value) -> em.createNativeQuery("SELECT set_config(:name, :value, true)")
                .setParameter("name", name).setParameter("value", value).getSingleResult());
    }

    /** Without text: one page of a list (id, null rank) in sort order, read by walking an index in that order. */
    public Statement page(CaseFilter filter, Caller caller) {
        if (filter.hasText()) {
            throw new IllegalArgumentException("a search with text runs matches(), then walk() if need be");
        }
        Conditions q = query(filter, caller, Identifiers.NONE);
        q.params.put("limit", filter.limit() + 1);
        String order = filter.sort() == Sort.PRIORITY_DUE ? QUEUE_ORDER
                : sortKey(filter.sort()) + " " + (filter.sort().ascending ? "ASC" : "DESC") + ", c.id "
                        + (filter.sort().ascending ? "ASC" : "DESC");
        return new Statement("SELECT c.id, CAST(NULL AS real) AS rank FROM support_case c" + where(q.where)
                + " ORDER BY " + order + " LIMIT :limit", q.params);
    }

    /**
     * With text, first: walk at most walk-budget cases in sort order (bitmap scans are off) and keep those that match,
     * up to a page (for relevance: up to relevance-window, then ranked). Each row carries how many matches were kept:
     * fewer than asked means the word is not frequent among recent cases, and {@link #matches} answers instead. The
     * substring test here is {@code strpos(lower(...))}, which means the same as the {@code ILIKE} the trigram index
     * serves and costs a seventh of it per row (a whole identifier: the same token array test as the token index).
     */
    public Statement recent(CaseFilter filter, Caller caller) {
        return recent(filter, caller, Identifiers.of(filter.text()));
    }

    /** {@link #recent(CaseFilter, Caller)} with the given identifier matching. */
    public Statement recent(CaseFilter filter, Caller caller, Identifiers identifiers) {
        Conditions q = query(filter, caller, identifiers);
        q.params.put("budget", config.walkBudget());
        Map<String, String> walkOnly = Map.of("enable_bitmapscan", "off", "enable_seqscan", "off",
                "enable_indexscan", "on", "enable_indexonlyscan", "on");
        boolean relevance = filter.sort() == Sort.RELEVANCE;
        Sort walkOrder = relevance ? Sort.UPDATED_DESC : filter.sort();
        String direction = walkOrder.ascending ? "ASC" : "DESC";
        q.params.put("wanted", relevance ? config.relevanceWindow() : filter.limit() + 1);
        String walked = "SELECT c.id, " + sortKey(walkOrder) + " AS at, " + (relevance ? relevance(q) : "CAST(NULL AS real)")
                + " AS rank, " + q.walkMatch + " AS hit FROM support_case c" + where(q.scope) + " ORDER BY "
                + sortKey(walkOrder) + " " + direction + ", c.id " + direction + " LIMIT :budget";
        String kept = "SELECT w.id, w.at, w.rank FROM (" + walked + ") w WHERE w.hit LIMIT :wanted";
        if (!relevance) {
            return new Statement("SELECT k.id, k.rank, count(*) OVER () AS total FROM (" + kept + ") k ORDER BY k.at "
                    + direction + ", k.id " + direction, q.params, walkOnly);
        }
        q.params.put("limit", filter.limit() + 1);
        String after = filter.after() == null ? ""
                : " WHERE (m.rank < :cursorRank OR (m.rank = :cursorRank AND m.id < :cursorId))";
        return new Statement("SELECT m.id, m.rank, m.total FROM (SELECT k.*, count(*) OVER () AS total FROM (" + kept
                + ") k) m" + after + " ORDER BY m.rank DESC, m.id DESC LIMIT :limit", q.params, walkOnly);
    }

    /**
     * With text, first: every match up to exact-match-limit + 1 of them, read from the text indexes alone (bitmap
     * scans: index scans are off), then sorted; each row also carries how many were read.
     */
    public Statement matches(CaseFilter filter, Caller caller) {
        return matches(filter, caller, Identifiers.of(filter.text()));
    }

    /** {@link #matches(CaseFilter, Caller)} with the given identifier matching. */
    public Statement matches(CaseFilter filter, Caller caller, Identifiers identifiers) {
        Conditions q = query(filter, caller, identifiers);
        q.params.put("cap", config.exactMatchLimit() + 1);
        q.params.put("limit", filter.limit() + 1);
        Map<String, String> bitmapOnly = Map.of("enable_indexscan", "off", "enable_indexonlyscan", "off",
                "enable_seqscan", "off", "enable_bitmapscan", "on");
        String order;
        String rank;
        String after = "";
        if (filter.sort() == Sort.RELEVANCE) {
            rank = relevance(q);
            order = "m.rank DESC, m.id DESC";
            if (filter.after() != null) {
                after = " WHERE (m.rank < :cursorRank OR (m.rank = :cursorRank AND m.id < :cursorId))";
            }
        } else {
            rank = "CAST(NULL AS real)";
            String direction = filter.sort().ascending ? "ASC" : "DESC";
            order = "m.at " + direction + ", m.id " + direction;
        }
        String capped = "SELECT c.id, " + sortKey(filter.sort() == Sort.RELEVANCE ? Sort.UPDATED_DESC : filter.sort())
                + " AS at, " + rank + " AS rank FROM support_case c" + where(q.where) + " LIMIT :cap";
        return new Statement("SELECT m.id, m.rank, m.total FROM (SELECT *, count(*) OVER () AS total FROM (" + capped
                + ") k) m" + after + " ORDER BY " + order + " LIMIT :limit", q.params, bitmapOnly);
    }

    /**
     * With text, when the words match more than exact-match-limit cases: walk the cases in sort order (bitmap scans
     * are off) until a page is full; for relevance, rank the relevance-window most recently updated matches.
     */
    public Statement walk(CaseFilter filter, Caller caller) {
        return walk(filter, caller, Identifiers.of(filter.text()));
    }

    /** {@link #walk(CaseFilter, Caller)} with the given identifier matching. */
    public Statement walk(CaseFilter filter, Caller caller, Identifiers identifiers) {
        Conditions q = query(filter, caller, identifiers);
        q.params.put("limit", filter.limit() + 1);
        Map<String, String> walkOnly = Map.of("enable_bitmapscan", "off", "enable_seqscan", "off",
                "enable_indexscan", "on", "enable_indexonlyscan", "on");
        if (filter.sort() != Sort.RELEVANCE) {
            String direction = filter.sort().ascending ? "ASC" : "DESC";
            return new Statement("SELECT c.id, CAST(NULL AS real) AS rank, 0 AS total FROM support_case c"
                    + where(q.where) + " ORDER BY " + sortKey(filter.sort()) + " " + direction + ", c.id " + direction
                    + " LIMIT :limit", q.params, walkOnly);
        }
        q.params.put("window", config.relevanceWindow());
        String after = filter.after() == null ? ""
                : " WHERE (w.rank < :cursorRank OR (w.rank = :cursorRank AND w.id < :cursorId))";
        String ranked = "SELECT c.id, " + relevance(q) + " AS rank FROM support_case c" + where(q.where)
                + " ORDER BY c.updated_at DESC, c.id DESC LIMIT :window";
        return new Statement("SELECT w.id, w.rank, 0 AS total FROM (" + ranked + ") w" + after
                + " ORDER BY w.rank DESC, w.id DESC LIMIT :limit", q.params, walkOnly);
    }

    /**
     * {@code where}: every condition; {@code scope}: the same without the text match, which is {@code walkMatch} when
     * evaluated row by row (true without text).
     */
    private record Conditions(List<String> where, List<String> scope, Map<String, Object> params, String vector,
            String walkMatch) {
    }

    // Rank of a match: ts_rank, plus 1 for the case whose number is the query.
    private static String relevance(Conditions q) {
        return "CAST(ts_rank(" + q.vector + ", " + TSQUERY + ") + CASE WHEN c.number = :number THEN 1 ELSE 0 END AS real)";
    }

    private static String sortKey(Sort sort) {
        return sort == Sort.UPDATED_ASC || sort == Sort.UPDATED_DESC ? "c.updated_at" : "c.created_at";
    }

    /** The conditions of a filter for a caller: access rules, filters, text, cursor of a time order. */
    private Conditions query(CaseFilter filter, Caller caller, Identifiers identifiers) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.isStaff()) {
            if (caller.isPartner()) {
                // Filed while this reseller managed the client, which it still manages and which still grants access.
                where.add("c.reseller_at_filing = :reseller AND EXISTS (SELECT 1 FROM organization o"
                        + " WHERE o.id = c.organization AND o.reseller = :reseller AND o.reseller_access)");
                params.put("reseller", caller.organization());
            } else {
                where.add("c.organization = :org");
                params.put("org", caller.organization());
            }
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.add("c.state IN (:states)");
            params.put("states", filter.states().stream().map(Enum::name).toList());
        }
        if (filter.open() != null) {
            where.add(filter.open() ? "c.state <> :closed" : "c.state = :closed");
            params.put("closed", CaseState.CLOSED.name());
        }
        if (filter.priority() != null) {
            where.add("c.priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (filter.product() != null) {
            where.add("lower(c.product) = :product");
            params.put("product", filter.product().toLowerCase(Locale.ROOT));
        }
        if (filter.creator() != null) {
            where.add("c.creator = :creator");
            params.put("creator", filter.creator());
        }
        if (filter.assignee() != null) {
            where.add("c.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.externalId() != null) {
            where.add("c.external_id = :externalId");
            params.put("externalId", filter.externalId());
        }
        if (filter.testCase() != null) {
            where.add("c.test_case = :testCase");
            params.put("testCase", filter.testCase());
        }
        if (filter.updatedSince() != null) {
            where.add("c.updated_at >= :since");
            params.put("since", filter.updatedSince());
        }
        CaseSearch.Desk desk = filter.desk();
        if (desk.organization() != null) {
            // on top of the access rules above: narrows what the caller may see, never widens it
            where.add("c.organization = :deskOrganization");
            params.put("deskOrganization", desk.organization());
        }
        if (desk.escalated() != null) {
            where.add(desk.escalated() ? "c.escalated" : "NOT c.escalated");
        }
        if (desk.breached() != null) {
            where.add(desk.breached() ? "c.sla_breached" : "c.sla_breached IS NOT TRUE");
        }
        if (desk.dueBefore() != null) {
            where.add("c.sla_due_at < :dueBefore");
            params.put("dueBefore", desk.dueBefore());
        }
        String vector = caller.isStaff() ? "c.search_staff" : "c.search_public";
        String walkMatch = "true";
        List<String> scope = new ArrayList<>(where);
        if (filter.hasText()) {
            String text = filter.text().strip();
            params.put("q", text);
            String match = vector + " @@ " + TSQUERY;
            walkMatch = match;
            if (identifiers == Identifiers.TOKEN) {
                match = tokens(caller) + " @> ARRAY[lower(:code)]";
                walkMatch = match;
                params.put("code", text);
            } else if (identifiers == Identifiers.SUBSTRING) {
                String codes = caller.isStaff() ? "c.search_codes_staff" : "c.search_codes_public";
                match = "(" + match + " OR " + codes + " ILIKE :like)";
                walkMatch = "(" + walkMatch + " OR strpos(lower(" + codes + "), lower(:token)) > 0)";
                params.put("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                params.put("token", text);
            }
            where.add(match);
            if (filter.sort() == Sort.RELEVANCE) {
                params.put("number", text.toUpperCase(Locale.ROOT));
            }
        }
        if (filter.after() != null) {
            if (filter.sort() == Sort.RELEVANCE) {
                params.put("cursorRank", filter.after().rank());
            } else if (filter.sort() == Sort.PRIORITY_DUE) {
                // a row comparison in index order: one range of the queue index
                String due = filter.after().dueAt() == null ? "CAST('infinity' AS timestamptz)" : ":cursorDue";
                String cursor = "(" + QUEUE_KEY + ") > (:cursorPriority, " + due + ", :cursorAt, :cursorId)";
                where.add(cursor);
                scope.add(cursor);
                params.put("cursorPriority", filter.after().priority().name());
                params.put("cursorAt", filter.after().at());
                if (filter.after().dueAt() != null) {
                    params.put("cursorDue", filter.after().dueAt());
                }
            } else {
                String key = sortKey(filter.sort());
                String cmp = filter.sort().ascending ? ">" : "<";
                String cursor = "(" + key + " " + cmp + " :cursorAt OR (" + key + " = :cursorAt AND c.id " + cmp
                        + " :cursorId))";
                where.add(cursor);
                scope.add(cursor);
                params.put("cursorAt", filter.after().at());
            }
            params.put("cursorId", filter.after().id());
        }
        return new Conditions(where, scope, params, vector, walkMatch);
    }

    /** Per case: id, HTML-escaped text around the matched words (in {@code <mark>}), rank. */
    private List<Object[]> snippets(java.util.Collection<UUID> ids, String text, Caller caller) {
        String comments = "(SELECT left(string_agg(m.body, E'\\n' ORDER BY m.created_at), 20000) FROM case_comment m"
                + " WHERE m.case_id = c.id" + (caller.isStaff() ? "" : " AND m.visibility = '" + Visibility.PUBLIC + "'")
                + ")";
        String document = "concat_ws(E'\\n', c.subject, c.description, " + comments + ")";
        String escaped = "replace(replace(replace(" + document + ", '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";
        String vector = caller.isStaff() ? "c.search_staff" : "c.search_public";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, ts_headline(casework_text_config(c.language), "
                + escaped + ", " + TSQUERY + ", '" + HEADLINE_OPTIONS + "'), ts_rank(" + vector + ", " + TSQUERY
                + ") FROM support_case c WHERE c.id IN (:ids)")
                .setParameter("ids", ids).setParameter("q", text.strip()).getResultList();
        return rows;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
