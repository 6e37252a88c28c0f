package io.casework.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metrics that the Grafana dashboard and the Prometheus alert rules in {@code deploy/observability/} query, and
 * which service must expose each. Every service's test scrapes its real {@code /q/metrics} and checks that every
 * metric it owns is there ({@link #assertExposes}); the catalogue test checks that every metric has an owner, so a
 * misspelt or removed metric fails a build instead of leaving an empty panel or an alert that never fires.
 */
public final class ObservabilityCatalog {

    /** Metric name prefixes and the services that must expose them; "*" = every service. */
    public static final Map<String, Set<String>> OWNERS = Map.of(
            "casework_cases_", Set.of("case-service"),
            "casework_sla_", Set.of("sla-service"),
            "casework_mails_", Set.of("notification-service"),
            "casework_webhooks_", Set.of("notification-service"),
            "casework_outbox_", Set.of("*"),
            "casework_ready", Set.of("*"),
            "kafka_consumer_", Set.of("*"));

    /** Series Prometheus makes itself (not exposed by any service). */
    public static final Set<String> SYNTHETIC = Set.of("up");

    // Metric names as they appear in PromQL: a known prefix, or a synthetic series followed by a selector.
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:casework|kafka)_[a-z0-9_]+)\\b|\\b(up)\\s*\\{");

    private ObservabilityCatalog() {
    }

    public static Path observabilityDirectory() {
        return EventContract.eventsDirectory().getParent().getParent().resolve("deploy/observability");
    }

    /** Every PromQL expression of the dashboard's panels. */
    public static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(observabilityDirectory().resolve("grafana-dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }

    /** The alert rules: name to PromQL expression. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> alertExpressions() throws IOException {
        Map<String, Object> rules;
        try (Reader reader = Files.newBufferedReader(observabilityDirectory().resolve("prometheus-alerts.yml"))) {
            rules = new Yaml().load(reader);
        }
        Map<String, String> alerts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), String.valueOf(rule.get("expr")));
            }
        }
        return alerts;
    }

    /** Every metric name the dashboard and the alerts query. */
    public static Set<String> referencedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        List<String> expressions = new ArrayList<>(dashboardQueries());
        expressions.addAll(alertExpressions().values());
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return names;
    }

    /** The services that must expose {@code metric}; empty when nobody owns it. */
    public static Set<String> owners(String metric) {
        return OWNERS.entrySet().stream().filter(e -> metric.startsWith(e.getKey()))
                .flatMap(e -> e.getValue().stream()).collect(Collectors.toSet());
    }

    /** The metric names of a Prometheus text exposition (without labels). */
    public static Set<String> exposedNames(String scrape) {
        return scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fails unless {@code scrape} (a real /q/metrics of {@code service}) exposes every metric that service owns. */
    public static void assertExposes(String service, String scrape) throws IOException {
        Set<String> exposed = exposedNames(scrape);
        Set<String> missing = new TreeSet<>();
        int owned = 0;
        for (String metric : referencedMetrics()) {
            Set<String> owners = owners(metric);
            if (owners.contains(service) || owners.contains("*")) {
                owned++;
                if (!exposed.contains(metric)) {
                    missing.add(metric);
                }
            }
        }
        if (owned == 0) {
            throw new AssertionError(service + " owns no metric of the dashboard or alerts: is the catalogue read?");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(service + " does not expose " + missing + " that deploy/observability queries");
        }
    }
}
