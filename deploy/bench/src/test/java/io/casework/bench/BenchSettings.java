package io.casework.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one Gatling run measures, from -Dbench.* system properties (set by deploy/bench/run.sh). */
public record BenchSettings(
        String scenario,
        String gatewayUrl,
        String referenceUrl,
        String tokenUrl,
        int users,
        Duration duration,
        Duration warmup,
        int rate,
        String runId,
        Path out,
        Map<String, Long> processes) {

    public static BenchSettings fromSystemProperties() {
        String realm = prop("bench.keycloak", "http://localhost:8180/realms/casework");
        return new BenchSettings(
                prop("bench.scenario", "reads"),
                prop("bench.gateway", "http://127.0.0.1:18080"),
                prop("bench.reference", "http://127.0.0.1:18082"),
                realm + "/protocol/openid-connect/token",
                Integer.parseInt(prop("bench.users", "16")),
                Duration.ofSeconds(Long.parseLong(prop("bench.duration", "30"))),
                Duration.ofSeconds(Long.parseLong(prop("bench.warmup", "5"))),
                Integer.parseInt(prop("bench.rate", "100")),
                prop("bench.run", "manual"),
                Path.of(prop("bench.out", "target/bench/manual")),
                parseProcesses(prop("bench.pids", "")));
    }

    /** The address that receives this run's mail, so the benchmark can remove exactly its own mail afterwards. */
    public String contactEmail() {
        return "bench-" + runId + "@acme.example";
    }

    private static Map<String, Long> parseProcesses(String spec) {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                processes.put(entry.substring(0, eq).trim(), Long.parseLong(entry.substring(eq + 1).trim()));
            }
        }
        return processes;
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
