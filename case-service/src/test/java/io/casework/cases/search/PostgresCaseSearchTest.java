package io.casework.cases.search;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.casework.cases.search.CaseSearch.CaseFilter;
import io.casework.cases.search.CaseSearch.Cursor;
import io.casework.cases.search.CaseSearch.Sort;
import io.casework.cases.search.PostgresCaseSearch.Identifiers;
import io.casework.rest.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class PostgresCaseSearchTest extends CaseSearchContract {

    @Inject
    CaseSearch search;

    @Inject
    PostgresCaseSearch postgres;

    @Inject
    EntityManager em;

    @Override
    protected CaseSearch search() {
        return search;
    }

    /**
     * A search first walks the most recent cases (recent()), and only if that does not fill the page reads the text
     * indexes (matches()). Both must answer the same when every match is among the walked cases: same access rules
     * (other organization, internal notes), same identifier test (substring: strpos there, ILIKE here; whole identifier:
     * the token array both), same order and ranks, page after page. (Newest first: the walk starts at the cases this
     * test just wrote.)
     */
    @Test
    void theBoundedWalkAnswersLikeTheTextIndexes() {
        String w = word();
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        file(ALICE, "en", "Quota " + w + " exceeded", "ERR-" + n + " when syncing");
        file(ALICE, "en", w + " " + w + " broken", "Nothing else");
        String noted = file(ALICE, "fr", "Facture", "Le " + w + " est bloqué");
        comment(SAM, noted, "internal " + w + " ERR-" + n, "INTERNAL").statusCode(201);
        file(ALICE, "nl", "Factuur", "De " + w + " werkt niet, fout err-" + n);
        as(CAROL).body("""
                {"product": "Cloud Drive", "subject": "%s at globex", "description": "ERR-%d", "priority": "P3"}"""
                .formatted(w, n)).post("/api/v1/cases").then().statusCode(201);
        for (Caller caller : List.of(ALICE_CALLER, CAROL_CALLER, SAM_CALLER)) {
            for (String q : List.of(w, String.valueOf(n), "Err-" + n, w + " quota")) {
                Identifiers shape = Identifiers.of(q);
                for (Identifiers mode : shape == Identifiers.TOKEN ? List.of(Identifiers.TOKEN, Identifiers.SUBSTRING)
                        : List.of(shape)) {
                    for (Sort sort : List.of(Sort.UPDATED_DESC, Sort.CREATED_DESC, Sort.RELEVANCE)) {
                        String what = caller.organization() + " " + q + " " + mode + " " + sort;
                        List<Object> walked = pages(caller, q, sort, mode, true);
                        List<Object> indexed = pages(caller, q, sort, mode, false);
                        assertEquals(indexed, walked, what);
                        if (caller != CAROL_CALLER && !q.contains(" ")) {
                            assertFalse(indexed.isEmpty(), what);
                        }
                    }
                }
            }
            // the whole identifier matches the cases with exactly that identifier, read from the token index
            assertEquals(caller == SAM_CALLER ? 4 : caller == ALICE_CALLER ? 2 : 1,
                    pages(caller, "Err-" + n, Sort.UPDATED_DESC, Identifiers.TOKEN, false).size(), caller.organization());
        }
    }

    /** Every page of 2 (ids, and ranks for relevance) of one statement kind, following cursors. */
    private List<Object> pages(Caller caller, String q, Sort sort, Identifiers mode, boolean walk) {
        List<Object> all = new ArrayList<>();
        Cursor after = null;
        for (int page = 0; page < 20; page++) {
            CaseFilter filter = new CaseFilter(null, null, null, null, null, null, null, null, null, q, sort, after, 2);
            PostgresCaseSearch.Statement statement = walk ? postgres.recent(filter, caller, mode)
                    : postgres.matches(filter, caller, mode);
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
                statement.settings().forEach((name, value) -> em.createNativeQuery("SELECT set_config(:n, :v, true)")
                        .setParameter("n", name).setParameter("v", value).getSingleResult());
                @SuppressWarnings("unchecked")
                List<Object[]> result = statement.bind(em.createNativeQuery(statement.sql())).getResultList();
                return result;
            });
            List<Object[]> shown = rows.subList(0, Math.min(2, rows.size()));
            for (Object[] row : shown) {
                all.add(sort == Sort.RELEVANCE ? row[0] + "@" + row[1] : row[0]);
            }
            if (rows.size() <= 2) {
                return all;
            }
            Object[] last = shown.getLast();
            UUID id = (UUID) last[0];
            if (sort == Sort.RELEVANCE) {
                after = new Cursor(null, ((Number) last[1]).floatValue(), id);
            } else {
                Case found = QuarkusTransaction.requiringNew().call(() -> em.find(Case.class, id));
                after = new Cursor(sort == Sort.CREATED_DESC ? found.createdAt : found.updatedAt, null, id);
            }
        }
        throw new AssertionError("more than 20 pages for " + q);
    }
}
