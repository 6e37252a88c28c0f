package io.casework.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casework.e2e.faults.Http;
import io.restassured.path.json.JsonPath;

/**
 * Tenancy and roles: every operation of the four services' OpenAPI documents × every demo identity, through the
 * gateway with real Keycloak tokens, checked against the table below (docs/access.md). An operation missing from the
 * table fails the test, so a new endpoint must state who may call it.
 *
 * <p>Columns: anonymous; alice (customer-admin of acme); bob (customer of acme); bobX (bob aimed at globex's case);
 * carol (customer of globex, aimed at acme's case); rita (user of the reseller managing acme); former (rita aimed at a
 * client that resellco managed when she filed the case, then transferred away); partner (client-credentials
 * integration of resellco); sam (agent); olga (status publisher and ops); admin (Casework admin, client
 * casework-services). Cells: {@code ok} = 2xx; {@code any} = allowed, the business outcome may vary (2xx or
 * 400/409/412/422/428, never 401/403/404/5xx); {@code 401}/{@code 403}/{@code 404}/{@code 400} = exactly that, as
 * problem+json. Every refused write carries a marker that must appear nowhere afterwards, and the resource it aimed at
 * must read the same before and after (no trace). Every answer to a customer, reseller or anonymous caller is scanned
 * for another organization's data and for internal notes (zero leaks). No answer may be 5xx.
 */
class TenancyMatrixIT {

    enum Who { ANON, ALICE, BOB, BOB_X, CAROL, RITA, FORMER, PARTNER, SAM, OLGA, ADMIN }

    /** What a path parameter set is aimed at; decides fixtures and the "no trace" probe. */
    enum Target { NONE, CASE, ATTACHMENT, ORG, ORG_EMAIL, CALENDAR_DATE, PLAN, DELIVERY, WEBHOOK, INCIDENT, PRODUCT }

    record Op(String key, String[] expected, Target target, BiFunction<Who, String, String> body, String query,
            Function<Who, Map<String, String>> extraHeaders) {
    }

    private static final Map<String, Op> TABLE = new LinkedHashMap<>();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
    private static final String REFUSED = "REFUSEDMX" + RUN;
    private static final String ACME_MARK = "ACMEMX" + RUN;
    private static final String GLOBEX_MARK = "GLOBEXMX" + RUN;
    private static final String FORMER_MARK = "FORMERMX" + RUN;
    private static final String INTERNAL_MARK = "INTERNALMX" + RUN;
    private static final String FORMER_ORG = "mx" + RUN;
    private static final String CAL_DATE = "2031-0" + (1 + (int) (Math.random() * 8)) + "-1" + (int) (Math.random() * 9);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    static {
        String c = "{\"body\": \"%s\"}";
        // ----- case-service: cases                       anon alice bob bobX carol rita former partner sam olga admin
        op("POST /api/v1/cases",                            "401 ok ok 403 403 ok 403 ok ok 403 403", Target.NONE,
                (w, m) -> """
                        {"organization": "%s", "product": "Cloud Mail", "subject": "%s", "description": "matrix",
                         "priority": "P3", "contactEmail": "%s"}""".formatted(w == Who.BOB_X ? "globex" : w == Who.FORMER ? FORMER_ORG : "acme",
                        m, w == Who.BOB_X ? "carol@globex.example" : w == Who.FORMER ? "x@" + FORMER_ORG + ".example" : "alice@acme.example"));
        op("GET /api/v1/cases",                             "401 ok ok ok ok ok ok ok ok 403 ok", Target.NONE, null, "limit=100");
        op("GET /api/v1/cases/{id}",                        "401 ok ok 404 404 ok 404 ok ok 403 ok", Target.CASE, null);
        op("PATCH /api/v1/cases/{id}",                      "401 any any 404 404 any 404 any any 403 403", Target.CASE,
                (w, m) -> "{\"subject\": \"%s\"}".formatted(m));
        op("GET /api/v1/cases/{id}/history",                "401 ok ok 404 404 ok 404 ok ok 403 ok", Target.CASE, null);
        op("GET /api/v1/cases/{id}/comments",               "401 ok ok 404 404 ok 404 ok ok 403 ok", Target.CASE, null);
        op("POST /api/v1/cases/{id}/comments",              "401 any any 404 404 any 404 any any 403 any", Target.CASE,
                (w, m) -> c.formatted(m));
        op("GET /api/v1/cases/{id}/attachments",            "401 ok ok 404 404 ok 404 ok ok 403 ok", Target.CASE, null);
        op("POST /api/v1/cases/{id}/attachments",           "401 any any 404 404 any 404 any any 403 any", Target.CASE,
                (w, m) -> "multipart:" + m);
        op("GET /api/v1/cases/{id}/attachments/{attachmentId}", "401 ok ok 404 404 ok 404 ok ok 403 ok", Target.ATTACHMENT, null);
        op("PUT /api/v1/cases/{id}/priority",               "401 403 403 404 404 403 404 403 any 403 any", Target.CASE,
                (w, m) -> "{\"priority\": \"P1\", \"reason\": \"%s\"}".formatted(m));
        op("PUT /api/v1/cases/{id}/assignee",               "401 403 403 403 403 403 403 403 any 403 any", Target.CASE,
                (w, m) -> "{\"assignee\": \"sam@casework.example\"}");
        op("POST /api/v1/cases/{id}/transitions",           "401 403 403 403 403 403 403 403 any 403 any", Target.CASE,
                (w, m) -> "{\"to\": \"IN_PROGRESS\", \"reason\": \"%s\"}".formatted(m));
        op("POST /api/v1/cases/{id}/escalate",              "401 any any 404 404 any 404 any any 403 any", Target.CASE,
                (w, m) -> "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"%s\"}".formatted(m));
        op("POST /api/v1/cases/{id}/de-escalate",           "401 403 403 403 403 403 403 403 any 403 any", Target.CASE,
                (w, m) -> "{\"reason\": \"%s\"}".formatted(m));
        op("POST /api/v1/cases/{id}/resolve",               "401 403 403 403 403 403 403 403 any 403 any", Target.CASE,
                (w, m) -> "{\"resolutionCode\": \"RESOLVED\", \"note\": \"%s\"}".formatted(m));
        op("POST /api/v1/cases/{id}/survey",                "401 any any 404 404 any 404 any 403 403 403", Target.CASE,
                (w, m) -> "{\"rating\": 5, \"comment\": \"%s\"}".formatted(m));
        // The closing mail's survey link: no login, the token is the authority (a forged one: 403 for anyone, before any lookup)
        op("GET /api/v1/cases/{id}/survey/signed",          "403 403 403 403 403 403 403 403 403 403 403", Target.CASE, null, "token=forged");
        op("POST /api/v1/cases/{id}/survey/signed",         "403 403 403 403 403 403 403 403 403 403 403", Target.CASE,
                (w, m) -> "{\"rating\": 1, \"comment\": \"%s\"}".formatted(m), "token=forged");
        op("POST /api/v1/cases/{id}/close",                 "401 any any 404 404 any 404 any any 403 any", Target.CASE,
                (w, m) -> "{\"reason\": \"%s\"}".formatted(m));
        // ----- case-service: organizations              anon alice bob bobX carol rita former partner sam olga admin
        op("GET /api/v1/organizations",                     "401 ok ok ok ok 403 403 403 ok 403 ok", Target.NONE, null);
        op("POST /api/v1/organizations",                    "401 403 403 403 403 403 403 403 403 403 ok", Target.NONE,
                (w, m) -> """
                        {"id": "%s", "name": "%s", "domains": ["%s.example"], "planId": "standard", "region": "emea",
                         "contractEnd": "2030-12-31"}""".formatted(m.toLowerCase().substring(0, Math.min(m.length(), 60)), m,
                        m.toLowerCase()));
        op("POST /api/v1/organizations/announcements",      "401 403 403 403 403 403 403 403 403 403 ok", Target.NONE, null);
        op("GET /api/v1/organizations/{id}",                "401 ok 404 404 404 403 403 403 ok 403 ok", Target.ORG, null);
        op("PATCH /api/v1/organizations/{id}",              "401 403 403 403 403 403 403 403 403 403 any", Target.ORG,
                (w, m) -> "{\"name\": \"%s\"}".formatted(m));
        op("PUT /api/v1/organizations/{id}/reseller-access", "401 any 403 404 404 403 403 403 403 403 any", Target.ORG,
                (w, m) -> "{\"granted\": %s}".formatted(w == Who.ALICE || w == Who.ADMIN ? "true" : "false"));
        op("GET /api/v1/organizations/{id}/access",         "401 ok 403 404 404 403 403 403 403 403 ok", Target.ORG, null);
        op("PUT /api/v1/organizations/{id}/access/{email}", "401 any 403 404 404 403 403 403 403 403 any", Target.ORG_EMAIL,
                (w, m) -> "{\"role\": \"VIEWER\"}");
        op("DELETE /api/v1/organizations/{id}/access/{email}", "401 any 403 404 404 403 403 403 403 403 any", Target.ORG_EMAIL, null);
        op("GET /api/v1/partners/me/clients",               "401 403 403 403 403 ok ok ok 403 403 403", Target.NONE, null);
        // ----- sla-service                               anon alice bob bobX carol rita former partner sam olga admin
        op("GET /api/v1/sla/calendars",                     "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/sla/calendars/{id}",                "401 ok ok ok ok ok ok ok ok ok ok", Target.CALENDAR_DATE, null);
        op("GET /api/v1/sla/calendars/{id}/holidays",       "401 ok ok ok ok ok ok ok ok ok ok", Target.CALENDAR_DATE, null, "year=2031");
        op("GET /api/v1/sla/calendars/{id}/deadline",       "401 ok ok ok ok ok ok ok ok ok ok", Target.CALENDAR_DATE, null,
                "start=2026-07-02T20:30:00Z&duration=PT2H");
        op("GET /api/v1/sla/calendars/{id}/business-time",  "401 ok ok ok ok ok ok ok ok ok ok", Target.CALENDAR_DATE, null,
                "from=2026-07-02T20:30:00Z&to=2026-07-06T13:00:00Z");
        op("PUT /api/v1/sla/calendars/{id}/overrides/{date}", "401 403 403 403 403 403 403 403 403 403 any", Target.CALENDAR_DATE,
                (w, m) -> "{\"kind\": \"CLOSED\", \"reason\": \"%s\"}".formatted(m));
        op("DELETE /api/v1/sla/calendars/{id}/overrides/{date}", "401 403 403 403 403 403 403 403 403 403 any", Target.CALENDAR_DATE, null);
        op("GET /api/v1/sla/cases/{caseId}",                "401 ok ok 404 404 403 403 403 ok ok ok", Target.CASE, null);
        op("GET /api/v1/sla/coverage",                      "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null, "channel=chat&language=en");
        op("GET /api/v1/sla/coverage/lines",                "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/sla/plans",                         "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/sla/plans/{id}",                    "401 ok ok ok ok ok ok ok ok ok ok", Target.PLAN, null);
        op("PUT /api/v1/sla/plans/{id}",                    "401 403 403 403 403 403 403 403 403 403 any", Target.PLAN,
                (w, m) -> w == Who.ADMIN ? "@plan" : "{\"name\": \"%s\"}".formatted(m));
        op("GET /api/v1/sla/priorities",                    "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        String impact = "{\"usersAffected\": \"SEVERAL\", \"serviceUsable\": false, \"workaroundExists\": false, \"worksAsExpected\": false}";
        op("POST /api/v1/sla/priorities/suggest",           "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, (w, m) -> impact);
        op("POST /api/v1/sla/priority-suggestions",         "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, (w, m) -> impact);
        op("GET /api/v1/sla/reports/compliance",            "401 403 403 403 403 403 403 403 ok ok ok", Target.NONE, null,
                "from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z");
        // ----- notification-service                      anon alice bob bobX carol rita former partner sam olga admin
        op("GET /api/v1/notifications/dead-letters",        "401 403 403 403 403 403 403 403 403 ok ok", Target.NONE, null);
        op("GET /api/v1/notifications/deliveries",          "401 403 403 403 403 403 403 403 ok ok ok", Target.NONE, null, "caseId=@acmeCase");
        op("POST /api/v1/notifications/deliveries/{id}/retry", "401 403 403 403 403 403 403 403 403 any any", Target.DELIVERY, null);
        String prefs = "{\"language\": \"en\", \"caseUpdates\": true}";
        op("GET /api/v1/notifications/preferences",         "401 ok ok ok ok ok ok any ok ok any", Target.NONE, null);
        op("PUT /api/v1/notifications/preferences",         "401 any any any any any any any any any any", Target.NONE, (w, m) -> prefs);
        op("GET /api/v1/notifications/preferences/me",      "401 ok ok ok ok ok ok any ok ok any", Target.NONE, null);
        op("PUT /api/v1/notifications/preferences/me",      "401 any any any any any any any any any any", Target.NONE, (w, m) -> prefs);
        op("GET /api/v1/notifications/unsubscribe",         "400 400 400 400 400 400 400 400 400 400 400", Target.NONE, null, "token=forged");
        op("POST /api/v1/notifications/unsubscribe",        "400 400 400 400 400 400 400 400 400 400 400", Target.NONE, null, "token=forged");
        op("POST /api/v1/notifications/webhooks",           "401 403 403 403 403 ok ok ok 403 403 403", Target.NONE,
                (w, m) -> "{\"url\": \"https://%s.invalid/hook\", \"eventTypes\": [\"io.casework.case.opened\"], \"description\": \"%s\"}"
                        .formatted(m.toLowerCase(), m));
        op("GET /api/v1/notifications/webhooks",            "401 403 403 403 403 ok ok ok 403 ok ok", Target.NONE, null);
        op("GET /api/v1/notifications/webhooks/{id}",       "401 403 403 403 403 ok ok ok 403 ok ok", Target.WEBHOOK, null);
        op("GET /api/v1/notifications/webhooks/{id}/deliveries", "401 403 403 403 403 ok ok ok 403 ok ok", Target.WEBHOOK, null);
        op("POST /api/v1/notifications/webhooks/{id}/test", "401 403 403 403 403 any any any 403 403 403", Target.WEBHOOK, null);
        op("POST /api/v1/notifications/webhooks/{id}/rotate-secret", "401 403 403 403 403 any any any 403 403 403", Target.WEBHOOK, null);
        op("DELETE /api/v1/notifications/webhooks/{id}",    "401 403 403 403 403 any any any 403 403 403", Target.WEBHOOK, null);
        // ----- status-service                            anon alice bob bobX carol rita former partner sam olga admin
        op("GET /api/v1/status/banner",                     "401 ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/case-rates",                 "401 403 403 403 403 403 403 403 ok ok 403", Target.NONE, null);
        op("GET /api/v1/status/feed.atom",                  "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/feed.rss",                   "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/incidents.json",             "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/summary.json",               "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/stream",                     "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /status",                                   "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/products",                   "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("GET /api/v1/status/products/{id}/feed.atom",    "ok ok ok ok ok ok ok ok ok ok ok", Target.PRODUCT, null);
        op("GET /api/v1/status/products/{id}/feed.rss",     "ok ok ok ok ok ok ok ok ok ok ok", Target.PRODUCT, null);
        op("PUT /api/v1/status/products/{id}/status-override", "401 403 403 403 403 403 403 403 403 ok 403", Target.PRODUCT,
                (w, m) -> "{\"status\": \"DEGRADED\", \"reason\": \"%s\", \"until\": \"%s\"}".formatted(m,
                        Instant.now().plusSeconds(120).toString()));
        op("DELETE /api/v1/status/products/{id}/status-override", "401 403 403 403 403 403 403 403 403 any 403", Target.PRODUCT, null);
        op("GET /api/v1/status/incidents",                  "ok ok ok ok ok ok ok ok ok ok ok", Target.NONE, null);
        op("POST /api/v1/status/incidents",                 "401 403 403 403 403 403 403 403 403 ok 403", Target.NONE,
                (w, m) -> """
                        {"title": "%s", "severity": "LOW", "affectedProducts": ["cloud-mail"], "regions": ["EMEA"],
                         "state": "IDENTIFIED", "message": "matrix"}""".formatted(m));
        op("GET /api/v1/status/incidents/{id}",             "ok ok ok ok ok ok ok ok ok ok ok", Target.INCIDENT, null);
        op("POST /api/v1/status/incidents/{id}/updates",    "401 403 403 403 403 403 403 403 403 any 403", Target.INCIDENT,
                (w, m) -> "{\"state\": \"MONITORING\", \"message\": \"%s\"}".formatted(m));
        op("POST /api/v1/status/incidents/{id}/publication", "401 403 403 403 403 403 403 403 403 any 403", Target.INCIDENT,
                (w, m) -> "{\"message\": \"%s\"}".formatted(m));
        op("PUT /api/v1/status/incidents/{id}/postmortem",  "401 403 403 403 403 403 403 403 403 any 403", Target.INCIDENT,
                (w, m) -> "{\"summary\": \"%s\"}".formatted(m));
        op("POST /api/v1/status/incidents/{id}/subscriptions", "401 ok ok ok ok 403 403 403 403 403 403", Target.INCIDENT, null);
        op("GET /api/v1/status/incidents/{id}/subscriptions/me", "401 ok ok ok ok 403 403 403 403 403 403", Target.INCIDENT, null);
        op("DELETE /api/v1/status/incidents/{id}/subscriptions/me", "401 any any any any 403 403 403 403 403 403", Target.INCIDENT, null);
    }

    private static void op(String key, String row, Target target, BiFunction<Who, String, String> body) {
        op(key, row, target, body, null);
    }

    private static void op(String key, String row, Target target, BiFunction<Who, String, String> body, String query) {
        String[] cells = row.trim().split("\\s+");
        if (cells.length != Who.values().length) {
            throw new IllegalStateException(key + ": " + cells.length + " cells for " + Who.values().length + " identities");
        }
        TABLE.put(key, new Op(key, cells, target, body, query, w -> Map.of()));
    }

    // ----- fixtures
    private static String acmeCase;
    private static String acmeAttachment;
    private static String globexCase;
    private static String globexAttachment;
    private static String formerCase;
    private static String formerAttachment;
    private static String incident;
    private static String product;
    private static String webhook;
    private static String delivery;
    private static String acmeGrantee;
    private static final List<String> createdWebhooks = new ArrayList<>();
    private static final List<String> createdIncidents = new ArrayList<>();

    record Answer(int status, String body, String contentType, String etag) {
    }

    @BeforeAll
    static void fixtures() {
        acmeCase = fileCase(Who.ALICE, "acme", "alice@acme.example", ACME_MARK);
        comment(Who.ALICE, acmeCase, "public " + ACME_MARK, null);
        comment(Who.SAM, acmeCase, "staff only " + INTERNAL_MARK, "INTERNAL");
        acmeAttachment = attach(Who.ALICE, acmeCase, ACME_MARK);
        globexCase = fileCase(Who.CAROL, "globex", "carol@globex.example", GLOBEX_MARK);
        comment(Who.CAROL, globexCase, "public " + GLOBEX_MARK, null);
        comment(Who.SAM, globexCase, "staff only " + INTERNAL_MARK, "INTERNAL");
        globexAttachment = attach(Who.CAROL, globexCase, GLOBEX_MARK);

        // A former client of resellco: created managed by it with access granted, a case filed by rita, then transferred away.
        expect(call(Who.ADMIN, "POST", "/api/v1/organizations", """
                {"id": "%s", "name": "Former client %s", "domains": ["%s.example"], "planId": "standard", "region": "emea",
                 "contractEnd": "2030-12-31", "reseller": "resellco"}""".formatted(FORMER_ORG, RUN, FORMER_ORG), Map.of()), 201, "create org");
        expect(call(Who.ADMIN, "PUT", "/api/v1/organizations/" + FORMER_ORG + "/reseller-access", "{\"granted\": true}", Map.of()),
                200, "grant reseller access");
        formerCase = fileCase(Who.RITA, FORMER_ORG, "it@" + FORMER_ORG + ".example", FORMER_MARK);
        comment(Who.RITA, formerCase, "public " + FORMER_MARK, null);
        formerAttachment = attach(Who.RITA, formerCase, FORMER_MARK);
        expect(call(Who.ADMIN, "POST", "/api/v1/organizations", """
                {"id": "%sr", "name": "New reseller %s", "domains": ["%sr.example"], "planId": "standard", "region": "emea",
                 "contractEnd": "2030-12-31"}""".formatted(FORMER_ORG, RUN, FORMER_ORG), Map.of()), 201, "create the new reseller");
        Answer org = call(Who.ADMIN, "GET", "/api/v1/organizations/" + FORMER_ORG, null, Map.of());
        expect(call(Who.ADMIN, "PATCH", "/api/v1/organizations/" + FORMER_ORG, "{\"reseller\": \"%sr\"}".formatted(FORMER_ORG),
                Map.of("If-Match", org.etag(), "Content-Type", "application/merge-patch+json")), 200, "transfer away from resellco");
        expect(call(Who.RITA, "GET", "/api/v1/cases/" + formerCase, null, Map.of()), 404, "former reseller no longer sees the case");

        acmeGrantee = "mxgrant-" + RUN + "@acme.example";
        incident = JsonPath.from(expect(call(Who.OLGA, "POST", "/api/v1/status/incidents", """
                {"title": "Matrix incident %s", "severity": "LOW", "affectedProducts": ["cloud-mail"], "regions": ["EMEA"],
                 "state": "IDENTIFIED", "message": "matrix fixture"}""".formatted(RUN), Map.of()), 201, "incident").body()).getString("id");
        product = JsonPath.from(expect(call(Who.ANON, "GET", "/api/v1/status/products", null, Map.of()), 200, "products").body())
                .getString("[0].id");
        webhook = newWebhook(Who.PARTNER);
        // The confirmation mail of the acme case gives a delivery to retry.
        Awaitility.await("delivery of " + acmeCase).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Answer a = call(Who.SAM, "GET", "/api/v1/notifications/deliveries?caseId=" + acmeCase, null, Map.of());
            List<String> ids = a.status() == 200 ? JsonPath.from(a.body()).getList("items.id") : List.of();
            delivery = ids.isEmpty() ? null : ids.getFirst();
            return delivery != null;
        });
        Awaitility.await("SLA of " + acmeCase).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                call(Who.SAM, "GET", "/api/v1/sla/cases/" + globexCase, null, Map.of()).status() == 200
                        && call(Who.SAM, "GET", "/api/v1/sla/cases/" + acmeCase, null, Map.of()).status() == 200);
    }

    /**
     * Search (issue 21) follows the same rules: each identity searches for every marker, the other organizations'
     * case numbers and an internal note's word, by words, as substrings and by relevance; an answer holds only what
     * that identity may read, and staff find the internal note.
     */
    @Test
    void searchFindsOnlyWhatTheCallerMaySee() {
        List<String> queries = new ArrayList<>(List.of(ACME_MARK, GLOBEX_MARK, FORMER_MARK, INTERNAL_MARK,
                INTERNAL_MARK.substring(2), "staff only " + INTERNAL_MARK, "\"public " + GLOBEX_MARK + "\"",
                ACME_MARK + " OR " + GLOBEX_MARK + " OR " + INTERNAL_MARK));
        for (String id : List.of(acmeCase, globexCase, formerCase)) {
            queries.add(JsonPath.from(call(Who.SAM, "GET", "/api/v1/cases/" + id, null, Map.of()).body()).getString("number"));
        }
        List<String> violations = new ArrayList<>();
        for (Who who : List.of(Who.ALICE, Who.BOB, Who.CAROL, Who.RITA, Who.FORMER, Who.PARTNER, Who.SAM)) {
            for (String q : queries) {
                for (String sort : List.of("-updatedAt", "relevance")) {
                    String path = "/api/v1/cases?limit=100&sort=" + sort + "&q="
                            + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
                    Answer a = call(who, "GET", path, null, Map.of());
                    if (a.status() != 200) {
                        violations.add(who + " GET " + path + ": got " + a.status() + " " + abbreviate(a.body()));
                    }
                    violations.addAll(leaks(who, who + " GET " + path, path, a));
                    boolean internalOnly = q.contains(INTERNAL_MARK.substring(2)) && !q.contains(" OR ");
                    if (who != Who.SAM && internalOnly && a.body().contains("\"id\"")) {
                        violations.add(who + " GET " + path + ": found by an internal note: " + abbreviate(a.body()));
                    }
                }
            }
        }
        Answer staff = call(Who.SAM, "GET", "/api/v1/cases?limit=100&q=" + INTERNAL_MARK, null, Map.of());
        if (!staff.body().contains(acmeCase) || !staff.body().contains(globexCase)) {
            violations.add("staff do not find the internal notes by their word: " + abbreviate(staff.body()));
        }
        assertTrue(violations.isEmpty(), violations.size() + " violations:\n" + String.join("\n", violations));
    }

    @Test
    void everyOperationTimesEveryIdentityFollowsTheAccessRules() {
        Set<String> documented = documentedOperations();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(TABLE.keySet());
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(documented);
        assertEquals(Set.of(), missing, "operations in the OpenAPI documents without an entry in the access table");
        assertEquals(Set.of(), stale, "access table entries for operations no service documents");

        List<String> violations = new ArrayList<>();
        List<String> businessRefusals = new ArrayList<>();
        int requests = 0;
        int refusals = 0;
        for (Op op : TABLE.values()) {
            String method = op.key().substring(0, op.key().indexOf(' '));
            boolean write = !method.equals("GET");
            for (Who who : Who.values()) {
                String cell = op.expected()[who.ordinal()];
                boolean refusal = cell.equals("401") || cell.equals("403") || cell.equals("404");
                String marker = (refusal ? REFUSED : "ALLOWEDMX" + RUN) + who.name().replace("_", "") + requests;
                Map<String, String> params = params(op, who, write && !refusal);
                String path = fill(op.key().substring(method.length() + 1), params);
                String query = op.query() == null ? "" : "?" + op.query().replace("@acmeCase", acmeCase);
                String body = op.body() == null ? null : op.body().apply(who, marker);
                Map<String, String> headers = new LinkedHashMap<>(headers(op, who, params));
                if ("@plan".equals(body)) {
                    body = planBody(params.get("id"));
                }
                String probe = write && refusal ? probe(op.target(), params) : null;
                Answer a = call(who, method, path + query, body, headers);
                requests++;
                remember(op, who, a);
                String where = op.key() + " as " + who + " (" + path + ")";
                String problem = judge(cell, a);
                if (problem != null) {
                    violations.add(where + ": expected " + cell + ", " + problem);
                }
                if (cell.equals("any") && (a.status() < 200 || a.status() >= 300)) {
                    businessRefusals.add(where + " -> " + a.status() + " " + abbreviate(a.body()));
                }
                if (a.status() >= 400 && a.status() < 500 && !a.contentType().startsWith("application/problem+json")) {
                    violations.add(where + ": " + a.status() + " not problem+json but '" + a.contentType() + "' " + abbreviate(a.body()));
                }
                violations.addAll(leaks(who, where, path, a));
                if (probe != null) {
                    refusals++;
                    String after = probe(op.target(), params);
                    if (!probe.equals(after)) {
                        violations.add(where + ": refused write left a trace:\n    before " + abbreviate(probe) + "\n    after  "
                                + abbreviate(after));
                    }
                }
            }
        }
        violations.addAll(refusedMarkerNowhere());
        cleanUp();
        System.out.printf("[matrix] %d operations x %d identities = %d requests, %d refused writes re-read, %d violations"
                + " (%d answers 429 from the gateway's rate limit, retried)%n",
                TABLE.size(), Who.values().length, requests, refusals, violations.size(), throttled);
        businessRefusals.forEach(b -> System.out.println("[matrix] allowed, refused by a business rule: " + b));
        assertTrue(violations.isEmpty(), violations.size() + " violations:\n" + String.join("\n", violations));
    }

    // ----- expectations

    private static String judge(String cell, Answer a) {
        int s = a.status();
        if (s >= 500 || s == 0) {
            return "got " + s + " " + abbreviate(a.body());
        }
        return switch (cell) {
            case "ok" -> s >= 200 && s < 300 ? null : "got " + s + " " + abbreviate(a.body());
            case "any" -> (s >= 200 && s < 300) || s == 400 || s == 409 || s == 412 || s == 422 || s == 428 ? null
                    : "got " + s + " " + abbreviate(a.body());
            default -> Integer.toString(s).equals(cell) ? null : "got " + s + " " + abbreviate(a.body());
        };
    }

    /** Another organization's data, or an internal note, in an answer to a customer, reseller or anonymous caller. */
    private static List<String> leaks(Who who, String where, String path, Answer a) {
        List<String> forbidden = switch (who) {
            case ANON -> List.of(ACME_MARK, GLOBEX_MARK, FORMER_MARK, INTERNAL_MARK, acmeCase, globexCase, formerCase);
            case ALICE, BOB, BOB_X, RITA, FORMER, PARTNER -> List.of(GLOBEX_MARK, FORMER_MARK, INTERNAL_MARK, globexCase, formerCase,
                    "\"organization\":\"globex\"", "\"organization\":\"" + FORMER_ORG + "\"");
            case CAROL -> List.of(ACME_MARK, FORMER_MARK, INTERNAL_MARK, acmeCase, formerCase, "\"organization\":\"acme\"",
                    "\"organization\":\"" + FORMER_ORG + "\"");
            case SAM, OLGA, ADMIN -> List.of();
        };
        // The problem's "instance" repeats the path the caller sent; it tells nothing new.
        String body = a.body().replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "");
        List<String> found = new ArrayList<>();
        for (String f : forbidden) {
            // An id the caller sent itself, repeated in a 404's detail, tells it nothing.
            if (f != null && body.contains(f) && !path.contains(f)) {
                found.add(where + ": LEAK of " + f + " in " + abbreviate(body));
            }
        }
        return found;
    }

    private static Map<String, String> params(Op op, Who who, boolean allowedWrite) {
        Map<String, String> p = new LinkedHashMap<>();
        String caseId = switch (who) {
            case CAROL -> acmeCase;
            case BOB_X -> globexCase;
            case FORMER -> formerCase;
            default -> acmeCase;
        };
        switch (op.target()) {
            case CASE -> {
                // An allowed write gets a case of its own, so writes do not change what later identities see.
                String id = allowedWrite ? fileCase(Who.ALICE, "acme", "alice@acme.example", "fresh " + RUN) : caseId;
                if (allowedWrite && (op.key().endsWith("/survey") || op.key().endsWith("/de-escalate"))) {
                    prepare(op, id);
                }
                p.put("id", id);
                p.put("caseId", id);
            }
            case ATTACHMENT -> {
                p.put("id", caseId);
                p.put("attachmentId", caseId.equals(globexCase) ? globexAttachment : caseId.equals(formerCase) ? formerAttachment
                        : acmeAttachment);
            }
            case ORG -> p.put("id", who == Who.ADMIN ? FORMER_ORG : who == Who.BOB_X ? "globex" : who == Who.FORMER ? FORMER_ORG : "acme");
            case ORG_EMAIL -> {
                String org = who == Who.ADMIN ? FORMER_ORG : who == Who.BOB_X ? "globex" : who == Who.FORMER ? FORMER_ORG : "acme";
                String email = org.equals("acme") ? acmeGrantee : org.equals("globex") ? "carol@globex.example"
                        : "viewer-" + RUN + "@" + FORMER_ORG + ".example";
                if (allowedWrite && op.key().startsWith("DELETE")) {
                    expect(call(who, "PUT", "/api/v1/organizations/" + org + "/access/" + email, "{\"role\": \"VIEWER\"}", Map.of()),
                            200, "grant to revoke");
                }
                p.put("id", org);
                p.put("email", email);
            }
            case CALENDAR_DATE -> {
                p.put("id", "americas");
                p.put("date", CAL_DATE);
                if (allowedWrite && op.key().startsWith("DELETE")) {
                    call(Who.ADMIN, "PUT", "/api/v1/sla/calendars/americas/overrides/" + CAL_DATE, "{\"kind\": \"CLOSED\", \"reason\": \"x\"}",
                            Map.of());
                }
            }
            case PLAN -> p.put("id", "standard");
            case DELIVERY -> p.put("id", delivery);
            case WEBHOOK -> p.put("id", allowedWrite && op.key().startsWith("DELETE") ? newWebhook(who) : webhook);
            case INCIDENT -> p.put("id", incident);
            case PRODUCT -> {
                p.put("id", product);
                if (allowedWrite && op.key().startsWith("DELETE")) {
                    call(Who.OLGA, "PUT", "/api/v1/status/products/" + product + "/status-override",
                            "{\"status\": \"DEGRADED\", \"reason\": \"matrix\"}", Map.of());
                }
            }
            case NONE -> {
            }
        }
        return p;
    }

    /** States an allowed write needs, so that it is tested rather than refused by a business rule. */
    private static void prepare(Op op, String caseId) {
        if (op.key().endsWith("/survey")) {
            call(Who.SAM, "POST", "/api/v1/cases/" + caseId + "/resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"done\"}", Map.of());
        } else {
            call(Who.ALICE, "POST", "/api/v1/cases/" + caseId + "/escalate",
                    "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"matrix\"}", Map.of());
        }
    }

    private static Map<String, String> headers(Op op, Who who, Map<String, String> params) {
        String key = op.key();
        Map<String, String> h = new LinkedHashMap<>();
        if (key.startsWith("PATCH")) {
            h.put("Content-Type", "application/merge-patch+json");
        }
        String etagOf = switch (key) {
            case "PATCH /api/v1/cases/{id}", "PUT /api/v1/cases/{id}/priority", "PUT /api/v1/cases/{id}/assignee" ->
                    "/api/v1/cases/" + params.get("id");
            case "PATCH /api/v1/organizations/{id}" -> "/api/v1/organizations/" + params.get("id");
            case "PUT /api/v1/sla/plans/{id}" -> "/api/v1/sla/plans/" + params.get("id");
            case "POST /api/v1/status/incidents/{id}/updates", "POST /api/v1/status/incidents/{id}/publication",
                    "PUT /api/v1/status/incidents/{id}/postmortem" -> "/api/v1/status/incidents/" + params.get("id");
            default -> null;
        };
        if (etagOf != null) {
            String etag = call(Who.ADMIN, "GET", etagOf, null, Map.of()).etag();
            if (etag == null) {
                etag = call(Who.OLGA, "GET", etagOf, null, Map.of()).etag();
            }
            if (etag != null) {
                h.put("If-Match", etag);
            }
        }
        if (key.startsWith("PUT /api/v1/notifications/preferences") && who != Who.ANON) {
            String etag = call(who, "GET", key.substring(4), null, Map.of()).etag();
            if (etag != null) {
                h.put("If-Match", etag);
            }
        }
        return h;
    }

    private static String planBody(String id) {
        // The plan as read, minus the fields the representation derives (the severity name of each priority).
        return call(Who.ADMIN, "GET", "/api/v1/sla/plans/" + id, null, Map.of()).body()
                .replaceAll("\"severity\"\\s*:\\s*\"[A-Z]+\"\\s*,?", "");
    }

    /** What a refused write must leave unchanged, read by staff. */
    private static String probe(Target target, Map<String, String> p) {
        return switch (target) {
            case CASE, ATTACHMENT -> caseState(p.get("id"));
            case ORG, ORG_EMAIL -> call(Who.ADMIN, "GET", "/api/v1/organizations/" + p.get("id"), null, Map.of()).body()
                    + call(Who.ADMIN, "GET", "/api/v1/organizations/" + p.get("id") + "/access", null, Map.of()).body();
            case CALENDAR_DATE -> call(Who.ADMIN, "GET", "/api/v1/sla/calendars/" + p.get("id") + "/holidays?year=2031", null, Map.of()).body()
                    + call(Who.ADMIN, "GET", "/api/v1/sla/calendars/" + p.get("id") + "/deadline?start=" + p.get("date")
                            + "T00:00:00Z&duration=PT1H", null, Map.of()).body();
            case PLAN -> call(Who.ADMIN, "GET", "/api/v1/sla/plans/" + p.get("id"), null, Map.of()).body();
            case DELIVERY -> call(Who.SAM, "GET", "/api/v1/notifications/deliveries?caseId=" + acmeCase, null, Map.of()).body();
            case WEBHOOK -> call(Who.ADMIN, "GET", "/api/v1/notifications/webhooks/" + p.get("id"), null, Map.of()).body();
            case INCIDENT -> call(Who.OLGA, "GET", "/api/v1/status/incidents/" + p.get("id"), null, Map.of()).body()
                    .replaceAll("\"(subscribers|subscriberCount)\"\\s*:\\s*\\d+", "");
            case PRODUCT -> call(Who.ANON, "GET", "/api/v1/status/products", null, Map.of()).body();
            case NONE -> "";
        };
    }

    private static String caseState(String id) {
        JsonPath c = JsonPath.from(call(Who.ADMIN, "GET", "/api/v1/cases/" + id, null, Map.of()).body());
        String fields = Arrays.stream(new String[] { "subject", "state", "priority", "assignee", "escalated", "version", "resolutionCode",
                "surveyRating", "closedAt", "reopenCount" }).map(f -> f + "=" + c.get(f)).reduce((x, y) -> x + ", " + y).orElse("");
        int history = JsonPath.from(call(Who.ADMIN, "GET", "/api/v1/cases/" + id + "/history?limit=200", null, Map.of()).body())
                .getList("$").size();
        int comments = JsonPath.from(call(Who.ADMIN, "GET", "/api/v1/cases/" + id + "/comments?limit=200", null, Map.of()).body())
                .getList("$").size();
        int attachments = JsonPath.from(call(Who.ADMIN, "GET", "/api/v1/cases/" + id + "/attachments", null, Map.of()).body())
                .getList("$").size();
        return fields + ", history=" + history + ", comments=" + comments + ", attachments=" + attachments;
    }

    /** The marker of refused writes is nowhere: no case, comment, organization, incident, webhook or plan holds it. */
    private static List<String> refusedMarkerNowhere() {
        List<String> found = new ArrayList<>();
        Map<String, Answer> reads = new LinkedHashMap<>();
        reads.put("cases search", call(Who.SAM, "GET", "/api/v1/cases?limit=100&q=" + REFUSED, null, Map.of()));
        for (String id : List.of(acmeCase, globexCase, formerCase)) {
            reads.put("comments of " + id, call(Who.SAM, "GET", "/api/v1/cases/" + id + "/comments?limit=200", null, Map.of()));
            reads.put("history of " + id, call(Who.SAM, "GET", "/api/v1/cases/" + id + "/history?limit=200", null, Map.of()));
            reads.put("attachments of " + id, call(Who.SAM, "GET", "/api/v1/cases/" + id + "/attachments", null, Map.of()));
        }
        reads.put("organizations", call(Who.ADMIN, "GET", "/api/v1/organizations?limit=200", null, Map.of()));
        reads.put("incidents", call(Who.OLGA, "GET", "/api/v1/status/incidents?limit=200", null, Map.of()));
        reads.put("webhooks", call(Who.ADMIN, "GET", "/api/v1/notifications/webhooks", null, Map.of()));
        reads.put("plans", call(Who.ADMIN, "GET", "/api/v1/sla/plans", null, Map.of()));
        reads.put("products", call(Who.ANON, "GET", "/api/v1/status/products", null, Map.of()));
        reads.forEach((what, a) -> {
            if (a.status() != 200) {
                found.add("re-read of " + what + " failed: " + a.status());
            } else if (a.body().contains(REFUSED)) {
                found.add("refused write left its marker in " + what + ": " + abbreviate(a.body()));
            }
        });
        Matcher m = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\]").matcher(reads.get("cases search").body());
        if (!m.find() && reads.get("cases search").body().contains("\"id\"")) {
            found.add("cases found by the refused marker: " + abbreviate(reads.get("cases search").body()));
        }
        return found;
    }

    /** Things the allowed calls created, to tidy up afterwards. */
    private static void remember(Op op, Who who, Answer a) {
        if (a.status() == 201 && op.key().equals("POST /api/v1/notifications/webhooks")) {
            createdWebhooks.add(JsonPath.from(a.body()).getString("id"));
        }
        if (a.status() == 201 && op.key().equals("POST /api/v1/status/incidents")) {
            createdIncidents.add(JsonPath.from(a.body()).getString("id"));
        }
    }

    private static void cleanUp() {
        for (String id : createdWebhooks) {
            call(Who.PARTNER, "DELETE", "/api/v1/notifications/webhooks/" + id, null, Map.of());
        }
        call(Who.OLGA, "DELETE", "/api/v1/status/products/" + product + "/status-override", null, Map.of());
        call(Who.ADMIN, "DELETE", "/api/v1/sla/calendars/americas/overrides/" + CAL_DATE, null, Map.of());
        createdIncidents.add(incident);
        for (String id : createdIncidents) {
            Answer i = call(Who.OLGA, "GET", "/api/v1/status/incidents/" + id, null, Map.of());
            call(Who.OLGA, "POST", "/api/v1/status/incidents/" + id + "/updates", "{\"state\": \"RESOLVED\", \"message\": \"matrix done\"}",
                    i.etag() == null ? Map.of() : Map.of("If-Match", i.etag()));
        }
    }

    // ----- OpenAPI

    /** "METHOD path" of every operation the four services document (read directly: /q is not behind the gateway). */
    private static Set<String> documentedOperations() {
        Set<String> ops = new LinkedHashSet<>();
        for (int port = 8081; port <= 8084; port++) {
            Answer a = raw("GET", "http://127.0.0.1:" + port + "/q/openapi?format=json", null, null, Map.of());
            assertEquals(200, a.status(), "OpenAPI document of :" + port);
            Map<String, Map<String, Object>> paths = JsonPath.from(a.body()).getMap("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> ops.add(m.toUpperCase() + " " + path)));
        }
        return ops;
    }

    // ----- calls

    private static String token(Who who) {
        return switch (who) {
            case ANON -> null;
            case ALICE -> Http.token("alice@acme.example");
            case BOB, BOB_X -> Http.token("bob@acme.example");
            case CAROL -> Http.token("carol@globex.example");
            case RITA, FORMER -> Http.token("rita@resellco.example");
            case PARTNER -> Http.token("partner-resellco");
            case SAM -> Http.token("sam@casework.example");
            case OLGA -> Http.token("olga@casework.example");
            case ADMIN -> Http.token("casework-services");
        };
    }

    static Answer call(Who who, String method, String pathAndQuery, String body, Map<String, String> headers) {
        return raw(method, Stack.GATEWAY + pathAndQuery, token(who), body, headers);
    }

    /** The gateway limits each client's rate (429, retry after a second): the matrix waits rather than judge a 429. */
    private static Answer raw(String method, String url, String bearer, String body, Map<String, String> headers) {
        AtomicReference<Answer> last = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        // At most 30 attempts a second apart (each bounded by its 20 s timeout); the last answer is judged as it is.
        Awaitility.await(method + " " + url).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .atMost(Duration.ofMinutes(11)).until(() -> {
                    Answer a = once(method, url, bearer, body, headers);
                    last.set(a);
                    if (a.status() != 429 || attempts.incrementAndGet() == 30) {
                        return true;
                    }
                    throttled++;
                    return false;
                });
        return last.get();
    }

    private static int throttled;

    private static Answer once(String method, String url, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        if (body != null && body.startsWith("multipart:")) {
            String boundary = "mx" + UUID.randomUUID().toString().replace("-", "");
            String marker = body.substring("multipart:".length());
            String content = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + marker + ".log\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nlog of " + marker + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + marker + "\r\n--" + boundary + "--\r\n";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(method, HttpRequest.BodyPublishers.ofString(content));
        } else if (body != null) {
            if (!headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            // Streams (server-sent events) never end: read what is there within a second, then hang up.
            HttpResponse<InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(r.statusCode(), text, type, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Answer(0, e.toString(), "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer expect(Answer a, int status, String what) {
        assertEquals(status, a.status(), what + ": " + a.body());
        return a;
    }

    private static String fileCase(Who who, String org, String contact, String subject) {
        Answer a = call(who, "POST", "/api/v1/cases", """
                {"organization": "%s", "product": "Cloud Mail", "subject": "%s", "description": "matrix fixture %s", "priority": "P3",
                 "contactEmail": "%s"}""".formatted(org, subject, subject, contact), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        return JsonPath.from(expect(a, 201, "file case as " + who).body()).getString("id");
    }

    private static void comment(Who who, String caseId, String text, String visibility) {
        expect(call(who, "POST", "/api/v1/cases/" + caseId + "/comments", visibility == null ? "{\"body\": \"%s\"}".formatted(text)
                : "{\"body\": \"%s\", \"visibility\": \"%s\"}".formatted(text, visibility), Map.of()), 201, "comment as " + who);
    }

    private static String attach(Who who, String caseId, String marker) {
        return JsonPath.from(expect(call(who, "POST", "/api/v1/cases/" + caseId + "/attachments", "multipart:" + marker, Map.of()), 201,
                "attach as " + who).body()).getString("id");
    }

    private static String newWebhook(Who who) {
        String id = JsonPath.from(expect(call(who, "POST", "/api/v1/notifications/webhooks",
                "{\"url\": \"https://mx%s.invalid/hook\", \"eventTypes\": [\"io.casework.case.opened\"]}".formatted(RUN), Map.of()), 201,
                "webhook").body()).getString("id");
        createdWebhooks.add(id);
        return id;
    }

    private static String fill(String template, Map<String, String> params) {
        String path = template;
        for (var e : params.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
