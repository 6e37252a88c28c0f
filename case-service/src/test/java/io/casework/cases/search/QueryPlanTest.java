package io.casework.cases.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.Comment;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Priority;
import io.casework.cases.search.CaseSearch.CaseFilter;
import io.casework.cases.search.CaseSearch.Cursor;
import io.casework.cases.search.CaseSearch.Sort;
import io.casework.cases.search.PostgresCaseSearch.Identifiers;
import io.casework.rest.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Every list, filter and search the API issues is served by an index: on a database seeded with 30,000 cases (60,000
 * comments, 90,000 history entries; deploy/seed/case-service.sql, the generator of deploy/stack seed), the plan of each
 * statement {@link PostgresCaseSearch} runs — the very SQL and parameters, explained — and of the per-case reads
 * scans none of cases, comments or history sequentially. The seed is rolled back with the test's transaction.
 */
@QuarkusTest
class QueryPlanTest {

    static final int CASES = 30_000;
    static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (support_case|case_comment|case_history)\\b");
    static final Pattern TRIGRAM_INDEX = Pattern.compile("support_case_(org_)?codes_(public|staff)\\b");

    static final Caller CUSTOMER = new Caller("customer@seed-a.example", "seed-a", Set.of("customer"));
    static final Caller PARTNER = new Caller("rita@resellco.example", "resellco", Set.of("partner"));
    static final Caller AGENT = new Caller("agent7@casework.example", "casework", Set.of("agent"));

    @Inject
    EntityManager em;

    @Inject
    PostgresCaseSearch search;

    @Test
    void everyListFilterAndSearchIsServedByAnIndex() throws IOException {
        // One transaction, rolled back: the seed is never seen by other tests. Seeding 30,000 cases takes a minute on a
        // busy 2-core machine, past the default transaction timeout.
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(900));
        try {
            explainEverything();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private void explainEverything() throws IOException {
        String seed = Files.readString(Path.of("..", "deploy", "seed", "case-service.sql"));
        em.unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(seed);
                statement.execute("SELECT pg_temp.seed_cases(" + CASES + ", ARRAY['seed-a', 'seed-b'])");
                statement.execute("ANALYZE support_case, case_comment, case_history");
            }
        });
        UUID someCase = (UUID) em.createNativeQuery("SELECT id FROM support_case WHERE organization = 'seed-a' LIMIT 1")
                .getSingleResult();
        // the service reads what the seed wrote (every enum-valued column holds a value the entities know)
        for (Object id : em.createNativeQuery("SELECT id FROM support_case WHERE organization = 'seed-a' ORDER BY number"
                + " LIMIT 50").getResultList()) {
            Case seeded = em.find(Case.class, id);
            assertEquals(2, em.createQuery("from Comment m where m.caseId = :id", Comment.class).setParameter("id", id)
                    .getResultList().size());
            assertTrue(seeded.channel != null && seeded.state != null && seeded.priority != null);
        }
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        Cursor page2 = new Cursor(Instant.now().minus(30, ChronoUnit.DAYS), null, someCase);

        Map<String, PostgresCaseSearch.Statement> statements = new LinkedHashMap<>();
        for (Caller caller : List.of(CUSTOMER, PARTNER, AGENT)) {
            String who = caller.roles().iterator().next() + " ";
            for (Sort sort : List.of(Sort.UPDATED_DESC, Sort.UPDATED_ASC, Sort.CREATED_DESC, Sort.CREATED_ASC)) {
                statements.put(who + "list " + sort, search.page(filter(null, null, null, null, null, null, null, null,
                        sort, null), caller));
            }
            statements.put(who + "list page 2", search.page(filter(null, null, null, null, null, null, null, null,
                    Sort.UPDATED_DESC, page2), caller));
            statements.put(who + "state", search.page(filter(EnumSet.of(CaseState.NEW, CaseState.IN_PROGRESS), null,
                    null, null, null, null, null, null, Sort.UPDATED_DESC, null), caller));
            statements.put(who + "open", search.page(filter(null, true, null, null, null, null, null, null,
                    Sort.UPDATED_DESC, null), caller));
            statements.put(who + "closed", search.page(filter(null, false, null, null, null, null, null, null,
                    Sort.UPDATED_DESC, null), caller));
            statements.put(who + "priority", search.page(filter(null, null, Priority.P1, null, null, null, null, null,
                    Sort.UPDATED_DESC, null), caller));
            statements.put(who + "product", search.page(filter(null, null, null, "backup", null, null, null, null,
                    Sort.UPDATED_DESC, null), caller));
            statements.put(who + "creator", search.page(filter(null, null, null, null, "customer@seed-a.example", null,
                    null, null, Sort.UPDATED_DESC, null), caller));
            statements.put(who + "assignee", search.page(filter(null, true, null, null, null, "agent7@casework.example",
                    null, null, Sort.UPDATED_DESC, null), caller));
            statements.put(who + "externalId", search.page(new CaseFilter(null, null, null, null, null, null,
                    "INC-0042817", null, null, null, Sort.UPDATED_DESC, null, 20), caller));
            statements.put(who + "updatedSince", search.page(filter(null, null, null, null, null, null, lastWeek, null,
                    Sort.UPDATED_DESC, null), caller));
            // the agent desk (issue 18): the queue order, its pages, and the desk's filters in it and in the default order
            Cursor queuePage2 = new Cursor(Instant.now().minus(30, ChronoUnit.DAYS), null, someCase, Priority.P2,
                    Instant.now().plus(1, ChronoUnit.DAYS));
            Cursor queuePage2NoDue = new Cursor(Instant.now().minus(30, ChronoUnit.DAYS), null, someCase, Priority.P3,
                    null);
            statements.put(who + "queue", search.page(desk(null, Sort.PRIORITY_DUE, null, CaseSearch.Desk.ANY), caller));
            statements.put(who + "open queue", search.page(desk(true, Sort.PRIORITY_DUE, null, CaseSearch.Desk.ANY),
                    caller));
            statements.put(who + "open queue page 2", search.page(desk(true, Sort.PRIORITY_DUE, queuePage2,
                    CaseSearch.Desk.ANY), caller));
            statements.put(who + "queue page 2 without due time", search.page(desk(null, Sort.PRIORITY_DUE,
                    queuePage2NoDue, CaseSearch.Desk.ANY), caller));
            statements.put(who + "my open queue", search.page(new CaseFilter(null, true, null, null, null,
                    "agent7@casework.example", null, null, null, null, Sort.PRIORITY_DUE, null, 20), caller));
            // (a customer naming another organization than theirs is answered without a statement)
            String organization = caller == CUSTOMER ? "seed-a" : "seed-b";
            List<CaseSearch.Desk> desks = List.of(new CaseSearch.Desk(organization, null, null, null),
                    new CaseSearch.Desk(null, true, null, null), new CaseSearch.Desk(null, false, null, null),
                    new CaseSearch.Desk(null, null, true, null), new CaseSearch.Desk(null, null, false, null),
                    new CaseSearch.Desk(null, null, null, Instant.now().plus(2, ChronoUnit.HOURS)),
                    new CaseSearch.Desk("seed-a", true, true, Instant.now()));
            for (CaseSearch.Desk desk : desks) {
                statements.put(who + "open queue " + desk, search.page(desk(true, Sort.PRIORITY_DUE, null, desk), caller));
                statements.put(who + "list " + desk, search.page(desk(null, Sort.UPDATED_DESC, null, desk), caller));
            }
            for (String q : List.of("quota", "facture bloquée", "zqnothingmatches", "ERR-4031", "4031", "C-2026-000042",
                    "\"users get\" -invoice", "shard")) {
                for (Sort sort : List.of(Sort.UPDATED_DESC, Sort.CREATED_ASC, Sort.RELEVANCE)) {
                    CaseFilter f = filter(null, null, null, null, null, null, null, q, sort, null);
                    statements.put(who + "search " + q + " " + sort + " (recent)", search.recent(f, caller));
                    statements.put(who + "search " + q + " " + sort + " (matches)", search.matches(f, caller));
                    statements.put(who + "search " + q + " " + sort + " (walk)", search.walk(f, caller));
                    if (Identifiers.of(q) == Identifiers.TOKEN) {
                        // a whole identifier no visible case has is read as a substring
                        statements.put(who + "search " + q + " " + sort + " (substring recent)",
                                search.recent(f, caller, Identifiers.SUBSTRING));
                        statements.put(who + "search " + q + " " + sort + " (substring matches)",
                                search.matches(f, caller, Identifiers.SUBSTRING));
                        statements.put(who + "search " + q + " " + sort + " (substring walk)",
                                search.walk(f, caller, Identifiers.SUBSTRING));
                    }
                }
                if (Identifiers.of(q) == Identifiers.TOKEN) {
                    statements.put(who + "search " + q + " (identifier probe)",
                            search.identifierProbe(filter(null, null, null, null, null, null, null, q, Sort.UPDATED_DESC,
                                    null), caller));
                }
            }
            CaseFilter openCode = filter(null, true, null, null, null, null, null, "ERR-4031", Sort.UPDATED_DESC, null);
            statements.put(who + "search open ERR-4031 (identifier probe)", search.identifierProbe(openCode, caller));
            CaseFilter filtered = filter(null, true, Priority.P1, null, null, null, null, "quota", Sort.UPDATED_DESC, null);
            statements.put(who + "search open P1 quota (recent)", search.recent(filtered, caller));
            statements.put(who + "search open P1 quota (matches)", search.matches(filtered, caller));
            statements.put(who + "search open P1 quota (walk)", search.walk(filtered, caller));
            CaseFilter after = filter(null, null, null, null, null, null, null, "quota", Sort.RELEVANCE,
                    new Cursor(null, 0.1f, someCase));
            statements.put(who + "search quota relevance page 2 (recent)", search.recent(after, caller));
            statements.put(who + "search quota relevance page 2 (matches)", search.matches(after, caller));
            statements.put(who + "search quota relevance page 2 (walk)", search.walk(after, caller));
        }
        statements.put("comments of a case", new PostgresCaseSearch.Statement(
                "SELECT * FROM case_comment WHERE case_id = :id ORDER BY created_at, id", Map.of("id", someCase)));
        statements.put("public comments of a case", new PostgresCaseSearch.Statement(
                "SELECT * FROM case_comment WHERE case_id = :id AND visibility = 'PUBLIC' ORDER BY created_at, id",
                Map.of("id", someCase)));
        statements.put("history of a case", new PostgresCaseSearch.Statement(
                "SELECT * FROM case_history WHERE case_id = :id ORDER BY id", Map.of("id", someCase)));

        List<String> failures = new ArrayList<>();
        Map<String, String> plans = new LinkedHashMap<>();
        for (var entry : statements.entrySet()) {
            // the planner settings the statement runs with, on top of the defaults
            Map<String, String> settings = new LinkedHashMap<>(Map.of("enable_indexscan", "on",
                    "enable_indexonlyscan", "on", "enable_bitmapscan", "on", "enable_seqscan", "on"));
            settings.putAll(entry.getValue().settings());
            settings.forEach((name, value) -> em.createNativeQuery("SELECT set_config(:name, :value, true)")
                    .setParameter("name", name).setParameter("value", value).getSingleResult());
            @SuppressWarnings("unchecked")
            List<String> plan = entry.getValue().bind(em.createNativeQuery("EXPLAIN " + entry.getValue().sql()))
                    .getResultList();
            String text = String.join("\n", plan);
            plans.put(entry.getKey(), text);
            if (SEQ_SCAN.matcher(text).find()) {
                failures.add(entry.getKey() + ":\n" + text);
            }
        }
        // A whole identifier is read from the token index (migration V17), one posting list, not from the trigram index,
        // whose trigrams ('err', 'rr-') most cases contain.
        for (String who : List.of("customer ", "agent ")) {
            String tokenIndex = who.equals("agent ") ? "support_case_code_tokens_staff" : "support_case_org_code_tokens_public";
            for (String key : List.of(who + "search ERR-4031 UPDATED_DESC (matches)", who + "search ERR-4031 RELEVANCE (matches)",
                    who + "search ERR-4031 (identifier probe)", who + "search C-2026-000042 CREATED_ASC (matches)")) {
                String text = plans.get(key);
                if (!text.contains(tokenIndex) || TRIGRAM_INDEX.matcher(text).find()) {
                    failures.add(key + " does not read " + tokenIndex + " alone:\n" + text);
                }
            }
        }
        for (String key : List.of("partner search ERR-4031 UPDATED_DESC (matches)", "partner search ERR-4031 (identifier probe)")) {
            if (TRIGRAM_INDEX.matcher(plans.get(key)).find()) {
                failures.add(key + " reads a trigram index:\n" + plans.get(key));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + statements.size()
                + " statements scan a large table sequentially or read the wrong index:\n\n" + String.join("\n\n", failures));
        long seeded = ((Number) em.createNativeQuery("SELECT count(*) FROM support_case WHERE organization = 'seed-b'")
                .getSingleResult()).longValue();
        assertEquals(CASES / 2, seeded);
    }

    static CaseFilter desk(Boolean open, Sort sort, Cursor after, CaseSearch.Desk desk) {
        return new CaseFilter(null, open, null, null, null, null, null, null, null, null, sort, after, 20, desk);
    }

    static CaseFilter filter(Set<CaseState> states, Boolean open, Priority priority, String product, String creator,
            String assignee, Instant since, String q, Sort sort, Cursor after) {
        return new CaseFilter(states, open, priority, product, creator, assignee, null, null, since, q, sort, after, 20);
    }
}
