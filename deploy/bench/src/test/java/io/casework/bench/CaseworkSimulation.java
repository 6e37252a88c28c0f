package io.casework.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Casework load benchmark through the gateway. One run = one scenario (-Dbench.scenario):
 * <ul>
 * <li>{@code filing} — partner integrations (client-credentials token) file cases with an Idempotency-Key;</li>
 * <li>{@code reads} / {@code lists} — customers read one of their organization's cases / list their cases;</li>
 * <li>{@code agents} — agents comment (public and internal) and move cases between IN_PROGRESS and ACTION_REQUIRED;</li>
 * <li>{@code status} — the public status feed (Atom), the status page and incidents.json;</li>
 * <li>{@code mix} — 50 % reads, 15 % lists, 15 % filings, 10 % agent work, 10 % status;</li>
 * <li>{@code flow} — customers file cases at a fixed rate (open model), for the filing → SLA → mail latency;</li>
 * <li>{@code gateway-reference} — the same gateway configuration in front of a trivial upstream (the reference).</li>
 * </ul>
 * Closed-model scenarios run {@code bench.users} virtual users, each with its own token, as fast as the
 * system answers, for {@code bench.duration} (the first {@code bench.warmup} seconds are not counted).
 */
public class CaseworkSimulation extends Simulation {

    private static final String[] CUSTOMERS = {"alice@acme.example", "bob@acme.example", "carol@globex.example"};
    private static final int FIXTURE_CASES_PER_CUSTOMER = 20;
    private static final Pattern CASE_ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final Tokens tokens = new Tokens(settings.tokenUrl());
    private final HttpClient setupClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong();
    private Recorder recorder;
    private ProcSampler sampler;
    private long startMillis;

    // per virtual user (index = userId modulo size)
    private List<String> customerTokens = List.of();
    private List<List<String>> customerCases = List.of();
    private List<String> partnerTokens = List.of();
    private List<String> agentTokens = List.of();
    private List<String> agentCases = List.of();

    public CaseworkSimulation() {
        HttpProtocolBuilder gateway = http.baseUrl(settings.gatewayUrl())
                .acceptHeader("application/json")
                .userAgentHeader("casework-bench")
                .disableWarmUp()
                .disableCaching()
                .disableFollowRedirect();
        int users = settings.users();
        PopulationBuilder population = switch (settings.scenario()) {
            case "filing" -> {
                partnerTokens = tokens.partners(users);
                yield closed("filing", fileAsPartner()).protocols(gateway);
            }
            case "reads" -> {
                customers(users);
                yield closed("reads", readCase()).protocols(gateway);
            }
            case "lists" -> {
                customers(users);
                yield closed("lists", listCases()).protocols(gateway);
            }
            case "agents" -> {
                agents(users);
                yield closed("agents", agentWork()).protocols(gateway);
            }
            case "status" -> closed("status", statusPages()).protocols(gateway);
            case "mix" -> {
                customers(users);
                partnerTokens = tokens.partners(users);
                agents(users);
                yield closed("mix", randomSwitch().on(
                        percent(50.0).then(readCase()),
                        percent(15.0).then(listCases()),
                        percent(15.0).then(fileAsPartner()),
                        percent(10.0).then(agentTransition().exec(agentComment(false))),
                        percent(10.0).then(statusPages()))).protocols(gateway);
            }
            case "flow" -> {
                customerTokens = tokens.users(CUSTOMERS[0], Math.min(users, 8));
                ScenarioBuilder flow = scenario("flow").exec(measured("file case (flow)",
                        http("file case (flow)").post("/api/v1/cases")
                                .header("Authorization", s -> "Bearer " + pick(customerTokens, sequence.getAndIncrement()))
                                .body(StringBody(s -> caseJson(null))).asJson(),
                        201, true));
                yield flow.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()))
                        .protocols(gateway.shareConnections());
            }
            case "gateway-reference" -> {
                String token = tokens.partner();
                HttpProtocolBuilder reference = gateway.baseUrl(settings.referenceUrl());
                yield closed("gateway-reference", measured("gateway → trivial upstream",
                        http("gateway → trivial upstream").get("/api/v1/cases/00000000-0000-0000-0000-000000000000")
                                .header("Authorization", "Bearer " + token),
                        200, false)).protocols(reference);
            }
            default -> throw new IllegalArgumentException("unknown bench.scenario " + settings.scenario()
                    + " (filing, reads, lists, agents, status, mix, flow, gateway-reference)");
        };
        setUp(population);
    }

    @Override
    public void before() {
        recorder = new Recorder(settings.out().resolve("requests.csv"));
        sampler = new ProcSampler(settings.processes(), settings.out().resolve("procs.csv"));
        startMillis = System.currentTimeMillis();
    }

    @Override
    public void after() {
        long end = System.currentTimeMillis();
        sampler.close();
        recorder.close();
        String meta = String.join("\n",
                "scenario=" + settings.scenario(),
                "start_ms=" + startMillis,
                "end_ms=" + end,
                "warmup_s=" + (settings.scenario().equals("flow") ? 0 : settings.warmup().toSeconds()),
                "duration_s=" + settings.duration().toSeconds(),
                "users=" + (settings.scenario().equals("flow") ? 0 : settings.users()),
                "rate=" + (settings.scenario().equals("flow") ? settings.rate() : 0),
                "") ;
        try {
            Files.writeString(settings.out().resolve("meta.properties"), meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Scenarios
    // ---------------------------------------------------------------------------------------------

    private PopulationBuilder closed(String name, ChainBuilder work) {
        return scenario(name)
                .during(settings.duration()).on(work)
                .injectOpen(atOnceUsers(settings.users()));
    }

    private ChainBuilder fileAsPartner() {
        return measured("file case (partner)", http("file case (partner)").post("/api/v1/cases")
                .header("Authorization", s -> "Bearer " + pick(partnerTokens, s.userId()))
                .header("Idempotency-Key", s -> UUID.randomUUID().toString())
                .body(StringBody(s -> caseJson("acme"))).asJson(), 201, false);
    }

    private ChainBuilder readCase() {
        return measured("read case", http("read case")
                .get(s -> "/api/v1/cases/" + randomOf(pick(customerCases, s.userId())))
                .header("Authorization", s -> "Bearer " + pick(customerTokens, s.userId())), 200, false);
    }

    private ChainBuilder listCases() {
        return measured("list cases", http("list cases").get("/api/v1/cases?limit=20")
                .header("Authorization", s -> "Bearer " + pick(customerTokens, s.userId())), 200, false);
    }

    private ChainBuilder agentWork() {
        return agentTransition().exec(agentComment(true)).exec(agentTransition()).exec(agentComment(false));
    }

    /** Flips the virtual user's own case between ACTION_REQUIRED and IN_PROGRESS (state tracked from the answers). */
    private ChainBuilder agentTransition() {
        return measured("agent: change state", http("agent: change state")
                .post(s -> "/api/v1/cases/" + pick(agentCases, s.userId()) + "/transitions")
                .header("Authorization", s -> "Bearer " + pick(agentTokens, s.userId()))
                .body(StringBody(s -> "ACTION_REQUIRED".equals(s.getString("state"))
                        ? "{\"to\":\"IN_PROGRESS\",\"reason\":\"Logs received\"}"
                        : "{\"to\":\"ACTION_REQUIRED\",\"reason\":\"Please send the logs\"}")).asJson(),
                200, false, jsonPath("$.state").optional().saveAs("state"));
    }

    private ChainBuilder agentComment(boolean visibleToCustomer) {
        String body = visibleToCustomer
                ? "{\"body\":\"Could you send the delivery logs of the last hour?\",\"visibility\":\"PUBLIC\"}"
                : "{\"body\":\"Checked the queue; nothing stuck on our side.\",\"visibility\":\"INTERNAL\"}";
        String name = visibleToCustomer ? "agent: public comment" : "agent: internal note";
        return measured(name, http(name)
                .post(s -> "/api/v1/cases/" + pick(agentCases, s.userId()) + "/comments")
                .header("Authorization", s -> "Bearer " + pick(agentTokens, s.userId()))
                .body(StringBody(body)).asJson(), 201, false);
    }

    private ChainBuilder statusPages() {
        return measured("status feed (Atom)", http("status feed (Atom)").get("/api/v1/status/feed.atom")
                        .header("Accept", "application/atom+xml"), 200, false)
                .exec(measured("status page", http("status page").get("/status").header("Accept", "text/html"), 200, false))
                .exec(measured("incidents.json", http("incidents.json").get("/api/v1/status/incidents.json"), 200, false));
    }

    /**
     * Sends the request and records it (end time, latency, OK/KO) in requests.csv. The response-time check
     * comes first: Gatling stops at the first failing check, and the latency must be known for failures too.
     */
    private ChainBuilder measured(String name, HttpRequestActionBuilder request, int expectedStatus, boolean saveCaseId,
                                  CheckBuilder... more) {
        List<CheckBuilder> checks = new ArrayList<>();
        checks.add(responseTimeInMillis().saveAs("rt"));
        checks.add(status().is(expectedStatus));
        if (saveCaseId) {
            checks.add(jsonPath("$.id").saveAs("caseId"));
        }
        checks.addAll(List.of(more));
        return exec(request.check(checks))
                .exec(s -> {
                    long latency = s.contains("rt") ? s.getInt("rt") : -1;
                    recorder.record(System.currentTimeMillis(), name, latency, !s.isFailed(),
                            s.contains("caseId") ? s.getString("caseId") : null);
                    // the next request starts clean: no latency or case id left over from this one
                    return s.markAsSucceeded().remove("rt").remove("caseId");
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Fixtures (created before the measured load, through the same gateway)
    // ---------------------------------------------------------------------------------------------

    private void customers(int users) {
        List<String> byUser = new ArrayList<>();
        List<List<String>> casesByUser = new ArrayList<>();
        Map<String, List<String>> fixtureCases = new java.util.HashMap<>();
        for (int i = 0; i < users; i++) {
            String customer = CUSTOMERS[i % CUSTOMERS.length];
            String token = tokens.user(customer);
            byUser.add(token);
            casesByUser.add(fixtureCases.computeIfAbsent(customer, c -> {
                List<String> ids = new ArrayList<>();
                for (int n = 0; n < FIXTURE_CASES_PER_CUSTOMER; n++) {
                    ids.add(fileDirectly(token, caseJson(null)));
                }
                return ids;
            }));
        }
        customerTokens = byUser;
        customerCases = casesByUser;
    }

    private void agents(int users) {
        agentTokens = tokens.users("sam@casework.example", users);
        String partner = tokens.partner();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(fileDirectly(partner, caseJson("acme")));
        }
        agentCases = ids;
    }

    private String fileDirectly(String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/cases"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = setupClient.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = CASE_ID.matcher(response.body());
            if (response.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("filing a fixture case failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("gateway not reachable at " + settings.gatewayUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String caseJson(String organization) {
        long n = sequence.incrementAndGet();
        return "{\"product\":\"Cloud Mail\",\"subject\":\"Benchmark " + settings.runId() + " #" + n
                + ": outgoing mail delayed\",\"description\":\"Messages to external domains wait in the queue for about"
                + " thirty minutes since this morning.\",\"priority\":\"P3\","
                + (organization == null ? "" : "\"organization\":\"" + organization + "\",")
                + "\"contactEmail\":\"" + settings.contactEmail() + "\"}";
    }

    private static <T> T pick(List<T> values, long userId) {
        return values.get((int) Math.floorMod(userId, values.size()));
    }

    private static String randomOf(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
