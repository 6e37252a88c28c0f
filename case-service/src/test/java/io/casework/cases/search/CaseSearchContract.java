package io.casework.cases.search;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.casework.rest.Caller;
import io.casework.cases.search.CaseSearch.CaseFilter;
import io.casework.cases.search.CaseSearch.Hit;
import io.casework.cases.search.CaseSearch.Sort;

/**
 * What every {@link CaseSearch} must do, whatever its engine: a subclass provides the implementation under test. Cases
 * are written through the API (the write path an index follows); an implementation that indexes asynchronously (an
 * event consumer) is given a few seconds to see them.
 */
public abstract class CaseSearchContract {

    static final Caller ALICE_CALLER = new Caller("alice@acme.example", "acme", Set.of("customer", "customer-admin"));
    static final Caller CAROL_CALLER = new Caller("carol@globex.example", "globex", Set.of("customer"));
    static final Caller RITA_CALLER = new Caller("rita@resellco.example", "resellco", Set.of("partner"));
    static final Caller SAM_CALLER = new Caller("sam@casework.example", "casework", Set.of("agent"));

    protected abstract CaseSearch search();

    /** A word no other test uses, that no stemmer changes (consonants only, no trailing s). */
    static String word() {
        String letters = "bcdfghjkmnpqrtvwxz";
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return w.toString();
    }

    static String file(String token, String language, String subject, String description) {
        return as(token).body("""
                {"organization": "acme", "product": "Cloud Mail", "subject": "%s", "description": "%s",
                 "priority": "P3", "language": "%s"}""".formatted(subject, description, language))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    static CaseFilter text(String q, Sort sort, int limit) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, q, sort, null, limit);
    }

    List<String> ids(Caller caller, String q) {
        return ids(search().search(text(q, Sort.UPDATED_DESC, 50), caller));
    }

    static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.supportCase().id.toString()).toList();
    }

    /** Waits until {@code caller}'s search for {@code q} satisfies {@code expected} (indexes may lag the write). */
    List<String> eventually(Caller caller, String q, Predicate<List<String>> expected) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ids(caller, q), expected);
    }

    @Test
    void findsAWordInSubjectDescriptionOrPublicCommentStemmed() {
        String w = word();
        String inSubject = file(ALICE, "en", "Mailbox " + w + " exceeded", "Nothing else");
        String inDescription = file(ALICE, "en", "Something", "The mailboxes of " + w + " are full");
        String inComment = file(ALICE, "en", "Other", "Nothing");
        comment(SAM, inComment, "Raised the " + w + " limit", "PUBLIC").statusCode(201);
        List<String> found = eventually(SAM_CALLER, w, ids -> ids.size() == 3);
        assertEquals(Set.of(inSubject, inDescription, inComment), Set.copyOf(found));
        // stemmed: "mailboxes" in the text, "mailbox" in the query
        assertTrue(eventually(ALICE_CALLER, "mailbox " + w, ids -> ids.contains(inDescription)).contains(inSubject));
    }

    @Test
    void casesInFrenchAndDutchAreStemmedInTheirLanguage() {
        String w = word();
        String french = file(ALICE, "fr", "Les factures sont bloquées " + w, "Depuis hier");
        String dutch = file(ALICE, "nl", "De facturen worden geweigerd " + w, "Sinds gisteren");
        assertEquals(List.of(french), eventually(ALICE_CALLER, "facture bloquée " + w, ids -> !ids.isEmpty()));
        assertEquals(List.of(dutch), eventually(ALICE_CALLER, "factuur geweigerd " + w, ids -> !ids.isEmpty()));
    }

    @Test
    void internalNotesAreFoundByStaffOnly() {
        String w = word();
        String id = file(ALICE, "en", "Printer", "Jammed");
        comment(SAM, id, "Internal " + w + " note", "INTERNAL").statusCode(201);
        assertEquals(List.of(id), eventually(SAM_CALLER, w, ids -> !ids.isEmpty()));
        assertEquals(List.of(), ids(ALICE_CALLER, w));
        assertEquals(List.of(), ids(RITA_CALLER, w));
        // nor by substring, nor in a snippet of another match
        String code = "ZX-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        comment(SAM, id, "secret " + code, "INTERNAL").statusCode(201);
        comment(SAM, id, "public word " + w + "pub", "PUBLIC").statusCode(201);
        assertEquals(List.of(id), eventually(SAM_CALLER, code.substring(3), ids -> !ids.isEmpty()));
        assertEquals(List.of(), ids(ALICE_CALLER, code.substring(3)));
        List<Hit> hits = await().atMost(Duration.ofSeconds(10))
                .until(() -> search().search(text(w + "pub", Sort.UPDATED_DESC, 5), ALICE_CALLER), h -> !h.isEmpty());
        assertTrue(!hits.getFirst().snippet().contains(code) && !hits.getFirst().snippet().contains("Internal"),
                hits.getFirst().snippet());
    }

    @Test
    void aCustomerNeverFindsAnotherOrganizationsCase() {
        String w = word();
        String acme = file(ALICE, "en", "Outage " + w, "x");
        String globex = as(CAROL).body("""
                {"product": "Cloud Drive", "subject": "Outage %s", "description": "x", "priority": "P3"}""".formatted(w))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        assertEquals(Set.of(acme, globex), Set.copyOf(eventually(SAM_CALLER, w, ids -> ids.size() == 2)));
        assertEquals(List.of(acme), ids(ALICE_CALLER, w));
        assertEquals(List.of(globex), ids(CAROL_CALLER, w));
        String globexNumber = as(CAROL).get("/api/v1/cases/" + globex).then().extract().path("number");
        assertEquals(List.of(), ids(ALICE_CALLER, globexNumber));
    }

    @Test
    void identifiersMatchAsSubstringsAndCaseNumbersExactly() {
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        String id = file(ALICE, "en", "Send fails with ERR-" + n, "Also 0x8007" + n + " in the log");
        String number = as(ALICE).get("/api/v1/cases/" + id).then().extract().path("number");
        assertEquals(List.of(id), eventually(ALICE_CALLER, "ERR-" + n, ids -> !ids.isEmpty()));
        assertEquals(List.of(id), ids(ALICE_CALLER, String.valueOf(n)));
        assertEquals(List.of(id), ids(ALICE_CALLER, "8007" + n));
        assertEquals(List.of(id), ids(ALICE_CALLER, "err-" + n));
        assertTrue(ids(ALICE_CALLER, number).contains(id));
        List<Hit> ranked = search().search(text(number, Sort.RELEVANCE, 5), ALICE_CALLER);
        assertEquals(id, ranked.getFirst().supportCase().id.toString(), "the case with that number ranks first");
    }

    @Test
    void aWholeIdentifierFindsThatIdentifierAndAPartFindsEveryIdentifierContainingIt() {
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        String exact = file(ALICE, "en", "Sync fails with ERR-" + n, "Since the upgrade");
        String longer = file(ALICE, "en", "Export fails", "The log shows ERR-" + n + "7 twice");
        // a whole identifier, in any case: the cases with exactly that identifier, not ERR-<n>7
        assertEquals(List.of(exact), eventually(ALICE_CALLER, "ERR-" + n, ids -> !ids.isEmpty()));
        assertEquals(List.of(exact), ids(ALICE_CALLER, "err-" + n));
        assertEquals(List.of(longer), eventually(ALICE_CALLER, "Err-" + n + "7", ids -> !ids.isEmpty()));
        // a number, a part of an identifier, or an identifier no case has: every identifier containing it
        assertEquals(List.of(longer, exact), ids(ALICE_CALLER, String.valueOf(n)));
        assertEquals(List.of(longer, exact), ids(ALICE_CALLER, "RR-" + n));
        assertEquals(List.of(longer, exact), ids(ALICE_CALLER, "err-" + String.valueOf(n).substring(0, 5)));
        // another organization has neither
        assertEquals(List.of(), ids(CAROL_CALLER, "ERR-" + n));
        assertEquals(List.of(), ids(CAROL_CALLER, String.valueOf(n)));
    }

    @Test
    void anIdentifierInAnInternalNoteIsFoundByStaffOnly() {
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        String noted = file(ALICE, "en", "Mail delayed", "Nothing in the logs");
        comment(SAM, noted, "Backend says KB-" + n + ", do not share", "INTERNAL").statusCode(201);
        String published = file(ALICE, "en", "Mail delayed again", "See article KB-" + n + "1");
        assertEquals(List.of(noted), eventually(SAM_CALLER, "kb-" + n, ids -> ids.contains(noted)));
        // a customer's search reads the public identifiers only: KB-<n> is no whole identifier there, so the query is a
        // part of KB-<n>1, and the internal note neither matches nor decides how the query is read
        assertEquals(List.of(published), ids(ALICE_CALLER, "KB-" + n));
        assertTrue(!ids(RITA_CALLER, "KB-" + n).contains(noted) && !ids(RITA_CALLER, "kb-" + n + "1").contains(noted));
        assertEquals(List.of(), ids(CAROL_CALLER, "KB-" + n));
    }

    @Test
    void aSearchWithoutHitIsEmpty() {
        assertEquals(List.of(), ids(SAM_CALLER, word()));
        assertEquals(List.of(), ids(ALICE_CALLER, word() + " " + word()));
        assertEquals(List.of(), ids(ALICE_CALLER, "the")); // a stop word alone matches nothing rather than everything
    }

    @Test
    void relevanceRanksSubjectAboveCommentAndPagesWithCursors() {
        String w = word();
        String inComment = file(ALICE, "en", "Unrelated", "Unrelated");
        comment(SAM, inComment, "mentions " + w + " once", "PUBLIC").statusCode(201);
        String inSubject = file(ALICE, "en", w + " " + w + " broken", w + " fails again");
        String inDescription = file(ALICE, "en", "Something", "See " + w);
        eventually(ALICE_CALLER, w, ids -> ids.size() == 3);
        List<Hit> all = search().search(text(w, Sort.RELEVANCE, 10), ALICE_CALLER);
        assertEquals(List.of(inSubject, inDescription, inComment), ids(all));
        List<String> paged = new ArrayList<>();
        CaseSearch.Cursor after = null;
        do {
            List<Hit> page = search().search(new CaseFilter(null, null, null, null, null, null, null, null, null, w, Sort.RELEVANCE,
                    after, 1), ALICE_CALLER);
            paged.add(page.getFirst().supportCase().id.toString());
            after = page.size() > 1 ? Sort.RELEVANCE.cursorAfter(page.getFirst()) : null;
        } while (after != null);
        assertEquals(ids(all), paged);
    }

    @Test
    void snippetsMarkTheMatchAndEscapeHtml() {
        String w = word();
        file(ALICE, "en", "Widget <script>alert(1)</script> shows " + w, "The " + w + " & more");
        Hit hit = await().atMost(Duration.ofSeconds(10))
                .until(() -> search().search(text(w, Sort.UPDATED_DESC, 5), ALICE_CALLER), h -> !h.isEmpty()).getFirst();
        assertNotNull(hit.rank());
        assertTrue(hit.snippet().contains("<mark>" + w + "</mark>"), hit.snippet());
        assertTrue(hit.snippet().contains("&lt;script&gt;") && !hit.snippet().contains("<script>"), hit.snippet());
        assertTrue(hit.snippet().contains("&amp;"), hit.snippet());
    }

    @Test
    void withoutTextTheListHasNoRankOrSnippet() {
        List<Hit> hits = search().search(new CaseFilter(null, null, null, null, null, null, null, null, null, null,
                Sort.UPDATED_DESC, null, 3), ALICE_CALLER);
        assertTrue(hits.stream().allMatch(h -> h.rank() == null && h.snippet() == null
                && h.supportCase().organization.equals("acme")));
    }
}
