package io.casework.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard, the alert rules and the scrape configuration in deploy/observability parse, cover what
 * ops need, and query only metrics that a service owns. That each owner really exposes them is checked by each
 * service's own test against its real /q/metrics (ObservabilityCatalog.assertExposes).
 */
class ObservabilityManifestsTest {

    final Path dir = ObservabilityCatalog.observabilityDirectory();

    @Test
    void dashboardParsesAndEveryPanelQueriesPrometheus() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(dir.resolve("grafana-dashboard.json").toFile());
        assertEquals("casework-ops", dashboard.path("uid").asText());
        int queried = 0;
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
            assertFalse(panel.path("title").asText().isBlank(), "every panel has a title");
            if (!"row".equals(panel.path("type").asText())) {
                assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText() + " queries nothing");
                for (JsonNode target : panel.path("targets")) {
                    assertFalse(target.path("expr").asText().isBlank(), panel.path("title").asText());
                    queried++;
                }
            }
        }
        assertTrue(queried >= 10, "a dashboard, not a stub: " + queried + " queries");
    }

    @Test
    void everyTemplatingVariableHasACurrentTextAndValueAsGrafanasSchemaRequires() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(dir.resolve("grafana-dashboard.json").toFile());
        JsonNode variables = dashboard.path("templating").path("list");
        assertFalse(variables.isEmpty(), "the datasource variable");
        for (JsonNode variable : variables) {
            String name = variable.path("name").asText();
            assertFalse(variable.path("current").path("text").asText().isBlank(), name + ": current.text");
            assertFalse(variable.path("current").path("value").asText().isBlank(), name + ": current.value");
        }
    }

    @Test
    void alertsCoverSlaBreachesMailDeadLettersConsumerLagAndReadiness() throws IOException {
        Map<String, String> alerts = ObservabilityCatalog.alertExpressions();
        assertTrue(alerts.keySet().containsAll(List.of("CaseworkP1SlaBreached", "CaseworkSlaBreachRateHigh",
                "CaseworkMailDeadLetters", "CaseworkConsumerLagHigh", "CaseworkServiceNotReady", "CaseworkServiceDown",
                "CaseworkOutboxRelayLagging")), alerts.keySet().toString());
        assertTrue(alerts.get("CaseworkSlaBreachRateHigh").contains("casework_sla_breaches_total"));
        assertTrue(alerts.get("CaseworkMailDeadLetters").contains("casework_mails_dead_lettered_total"));
        assertTrue(alerts.get("CaseworkConsumerLagHigh").contains("kafka_consumer_fetch_manager_records_lag"));
        assertTrue(alerts.get("CaseworkServiceNotReady").contains("casework_ready"));
        rules().forEach(rule -> {
            assertTrue(Set.of("critical", "warning").contains(((Map<?, ?>) rule.get("labels")).get("severity")),
                    rule.get("alert") + " has a severity");
            assertFalse(String.valueOf(((Map<?, ?>) rule.get("annotations")).get("summary")).isBlank());
        });
    }

    @Test
    void everyQueriedMetricHasAnOwnerAndEveryServiceOwnsSome() throws IOException {
        Set<String> referenced = ObservabilityCatalog.referencedMetrics();
        assertTrue(referenced.containsAll(Set.of("casework_cases_opened_total", "casework_sla_breaches_total",
                "casework_mails_dead_lettered_total", "casework_outbox_lag_seconds", "up")), referenced.toString());
        for (String metric : referenced) {
            assertTrue(ObservabilityCatalog.SYNTHETIC.contains(metric) || !ObservabilityCatalog.owners(metric).isEmpty(),
                    metric + " is queried but no service is known to expose it");
        }
        for (String service : DeployManifestsTest.SERVICES.keySet()) {
            assertTrue(referenced.stream().anyMatch(m -> ObservabilityCatalog.owners(m).contains(service)
                    || ObservabilityCatalog.owners(m).contains("*")), service);
        }
    }

    @Test
    void ownershipIsCheckedAgainstARealScrape() throws IOException {
        String scrape = """
                # TYPE casework_outbox_backlog gauge
                casework_outbox_backlog 0.0
                casework_ready 1.0
                """;
        AssertionError missing = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ObservabilityCatalog.assertExposes("status-service", scrape));
        assertTrue(missing.getMessage().contains("casework_outbox_lag_seconds"), missing.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsPortAndLoadsTheRules() throws IOException {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(dir.resolve("prometheus.yml"))) {
            config = new Yaml().load(reader);
        }
        for (Object file : (List<?>) config.get("rule_files")) {
            assertTrue(Files.exists(dir.resolve(file.toString())), "missing rule file " + file);
        }
        Map<String, String> targets = new java.util.HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertEquals("/q/metrics", job.get("metrics_path"));
            List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
            targets.put((String) job.get("job_name"), ((List<String>) statics.getFirst().get("targets")).getFirst());
        }
        DeployManifestsTest.SERVICES.forEach((service, port) ->
                assertEquals("localhost:" + port, targets.get("casework-" + service), service));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> rules;
        try (Reader reader = Files.newBufferedReader(dir.resolve("prometheus-alerts.yml"))) {
            rules = new Yaml().load(reader);
        }
        return ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }
}
