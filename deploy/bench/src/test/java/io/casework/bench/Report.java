package io.casework.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns one benchmark run directory (written by deploy/bench/run.sh and {@link CaseworkSimulation}) into
 * report.md plus two hand-written SVG plots: throughput.svg (requests/s and p99 per second of every scenario)
 * and event-flow.svg (filing → SLA targets set → mail accepted, per case).
 *
 * <pre>java -cp ... io.casework.bench.Report RESULTS_DIR</pre>
 */
public final class Report {

    private static final List<String> ORDER = List.of("gateway-reference", "status", "reads", "lists", "flow", "agents", "filing", "mix");
    private static final List<String> COMPONENTS = List.of("gateway", "case-service", "sla-service", "notification-service",
            "status-service", "postgres", "kafka", "keycloak", "greenmail", "load-generator", "reference-gateway", "trivial-upstream");
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};
    private static final double TICKS_PER_SECOND = 100.0;

    record Request(long end, String name, long latency, boolean ok, String caseId) {
    }

    record Sample(long time, String component, long cpuTicks, long rssKb) {
    }

    record Scenario(String name, Properties meta, List<Request> requests, List<Sample> samples, String loadBefore) {
        long windowStart() {
            return Long.parseLong(meta.getProperty("start_ms")) + 1000L * Long.parseLong(meta.getProperty("warmup_s"));
        }

        long windowEnd() {
            return Long.parseLong(meta.getProperty("end_ms"));
        }

        double seconds() {
            return (windowEnd() - windowStart()) / 1000.0;
        }

        List<Request> measured() {
            return requests.stream().filter(r -> r.end >= windowStart() && r.end <= windowEnd()).toList();
        }
    }

    record Stats(long count, long errors, double perSecond, long p50, long p99, long max) {
        static Stats of(List<Request> requests, double seconds) {
            long[] latencies = requests.stream().mapToLong(Request::latency).filter(l -> l >= 0).sorted().toArray();
            long errors = requests.stream().filter(r -> !r.ok).count();
            return new Stats(requests.size(), errors, requests.size() / seconds,
                    percentile(latencies, 50), percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
        }
    }

    record Usage(double cpuSeconds, long rssMaxKb) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Properties machine = load(dir.resolve("machine.properties"));
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (String name : ORDER) {
            Path meta = dir.resolve(name).resolve("meta.properties");
            if (Files.exists(meta)) {
                scenarios.put(name, new Scenario(name, load(meta), readRequests(dir.resolve(name).resolve("requests.csv")),
                        readSamples(dir.resolve(name).resolve("procs.csv")), firstLine(dir.resolve(name).resolve("load-before.txt"))));
            }
        }
        Double pgbench = pgbenchTps(dir.resolve("pgbench.txt"));
        Double gatewayReference = scenarios.containsKey("gateway-reference")
                ? Stats.of(scenarios.get("gateway-reference").measured(), scenarios.get("gateway-reference").seconds()).perSecond()
                : null;
        FlowResult flow = scenarios.containsKey("flow") ? flow(dir.resolve("flow"), scenarios.get("flow")) : null;
        List<String[]> startup = Files.exists(dir.resolve("startup.csv"))
                ? Files.readAllLines(dir.resolve("startup.csv")).stream().skip(1).map(l -> l.split(",", -1)).toList()
                : List.of();

        StringBuilder md = new StringBuilder();
        md.append("# Casework whole-system benchmark — run ").append(machine.getProperty("run_id")).append("\n\n");
        md.append("Machine: ").append(machine.getProperty("cpu")).append(", ").append(machine.getProperty("memory"))
                .append(", kernel ").append(machine.getProperty("kernel")).append("; ").append(machine.getProperty("java"))
                .append("; ").append(machine.getProperty("postgres")).append("; ").append(machine.getProperty("nginx")).append(".\n");
        md.append("Everything on this one machine: gateway (nginx), four services, PostgreSQL, Kafka, Keycloak, GreenMail and the load generator.\n");
        md.append("Load average (1/5/15 min) at start: ").append(machine.getProperty("load_start")).append(", at end: ")
                .append(machine.getProperty("load_end", "?")).append(". Closed-model scenarios: ").append(machine.getProperty("users"))
                .append(" virtual users (one connection and token each), ").append(machine.getProperty("duration"))
                .append(" s each, the first 5 s not counted. Latencies are measured by the load generator (Gatling), through the gateway.");
        long warmup = number(machine, "warmup_s");
        md.append(warmup > 0
                ? " Before the first scenario, " + warmup + " s of the mix scenario (not measured) warmed the services' JIT up.\n\n"
                : " No warm-up before the first scenario (--warmup 0): the services' first figures include JIT compilation.\n\n");

        md.append("## References measured in the same run\n\n");
        md.append("| reference | figure |\n|---|---|\n");
        md.append("| PostgreSQL single-row INSERT (pgbench, prepared, ").append(machine.getProperty("users")).append(" clients, 20 s) | ")
                .append(pgbench == null ? "not run" : fmt(pgbench) + " TPS").append(" |\n");
        if (scenarios.containsKey("gateway-reference")) {
            Scenario ref = scenarios.get("gateway-reference");
            Stats s = Stats.of(ref.measured(), ref.seconds());
            md.append("| gateway (same nginx config) → trivial upstream, GET | ").append(fmt(s.perSecond())).append(" req/s, p50 ")
                    .append(s.p50()).append(" ms, p99 ").append(s.p99()).append(" ms, ").append(s.errors()).append(" errors |\n");
        }
        md.append("\n## Casework figures and ratios\n\n");
        md.append("Ratio: filing against the pgbench INSERT rate, everything else against the gateway → trivial-upstream rate.\n");
        md.append("CPU per request: CPU time of the process (all its threads and children) in the measured window ÷ all requests of the scenario.\n\n");
        md.append("| scenario | request | req/s | ratio | p50 ms | p99 ms | max ms | requests | errors | load before |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Scenario sc : scenarios.values()) {
            Map<String, List<Request>> byName = new TreeMap<>();
            sc.measured().forEach(r -> byName.computeIfAbsent(r.name, k -> new ArrayList<>()).add(r));
            boolean first = true;
            for (var e : byName.entrySet()) {
                Stats s = Stats.of(e.getValue(), sc.seconds());
                Double reference = sc.name.equals("filing") || e.getKey().startsWith("file case") ? pgbench
                        : sc.name.equals("gateway-reference") ? null : gatewayReference;
                md.append("| ").append(first ? sc.name : "").append(" | ").append(e.getKey()).append(" | ").append(fmt(s.perSecond()))
                        .append(" | ").append(reference == null ? "—" : String.format(Locale.ROOT, "%.2f", s.perSecond() / reference))
                        .append(" | ").append(s.p50()).append(" | ").append(s.p99()).append(" | ").append(s.max()).append(" | ")
                        .append(s.count()).append(" | ").append(s.errors()).append(" | ").append(first ? sc.loadBefore : "").append(" |\n");
                first = false;
            }
            if (byName.size() > 1) {
                Stats all = Stats.of(sc.measured(), sc.seconds());
                md.append("| | **all** | **").append(fmt(all.perSecond())).append("** | | ").append(all.p50()).append(" | ")
                        .append(all.p99()).append(" | ").append(all.max()).append(" | ").append(all.count()).append(" | ")
                        .append(all.errors()).append(" | |\n");
            }
        }

        md.append("\n## CPU and memory of each process, per scenario\n\n");
        md.append("Cells: CPU (% of one core, averaged over the measured window) · CPU ms per request · peak RSS MB. ")
                .append("PostgreSQL is the postmaster with all its backends (RSS counts shared buffers once per process, so it overstates); ")
                .append("a service is its JVM. The machine row is the busy share of all cores.\n\n");
        List<Scenario> withSamples = scenarios.values().stream().filter(s -> !s.samples.isEmpty()).toList();
        md.append("| process |");
        withSamples.forEach(s -> md.append(' ').append(s.name).append(" |"));
        md.append("\n|---|");
        withSamples.forEach(s -> md.append("---|"));
        md.append('\n');
        for (String component : Stream.concat(COMPONENTS.stream(), Stream.of("machine")).toList()) {
            md.append("| ").append(component).append(" |");
            for (Scenario sc : withSamples) {
                Usage u = usage(sc, component);
                if (u != null && u.cpuSeconds < 0) {
                    md.append(" restarted |");
                    continue;
                }
                if (u == null) {
                    md.append(" — |");
                    continue;
                }
                int requests = sc.measured().size();
                double pct = 100 * u.cpuSeconds / sc.seconds();
                if (component.equals("machine")) {
                    md.append(String.format(Locale.ROOT, " %.0f %% of %s cores |", pct / Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().availableProcessors()));
                } else {
                    md.append(String.format(Locale.ROOT, " %.0f %% · %.2f ms · %d MB |", pct,
                            requests == 0 ? 0 : 1000 * u.cpuSeconds / requests, u.rssMaxKb / 1024));
                }
            }
            md.append('\n');
        }

        if (flow != null) {
            md.append("\n## Event flow: case filed through the gateway → SLA targets set → confirmation mail accepted by SMTP\n\n");
            md.append(String.format(Locale.ROOT, "Customers filed %d cases at %.1f cases/s (target rate %s/s) for %s s; %d errors. ",
                    flow.filed, flow.filed / Double.parseDouble(scenarios.get("flow").meta.getProperty("duration_s")),
                    scenarios.get("flow").meta.getProperty("rate"), scenarios.get("flow").meta.getProperty("duration_s"), flow.errors));
            md.append("Start: the moment the load generator sent the POST. \"Relayed\": case-service's outbox row for `case.opened` marked ")
                    .append("published to Kafka (`outbox_event.published_at`). \"SLA targets set\": sla-service recorded the `case.opened` event ")
                    .append("in the transaction that starts the clocks (`processed_message.processed_at`). \"Mail accepted\": notification-service ")
                    .append("recorded the confirmation as sent after the SMTP server (GreenMail) accepted it (`delivery.sent_at`). ")
                    .append("All clocks are this machine's.\n\n");
            md.append("| stage (from filing) | cases | missing | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
            for (var e : flow.stages.entrySet()) {
                long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                md.append("| ").append(e.getKey()).append(" | ").append(v.length).append(" | ").append(flow.filed - v.length)
                        .append(" | ").append(percentile(v, 50)).append(" | ").append(percentile(v, 99)).append(" | ")
                        .append(v.length == 0 ? 0 : v[v.length - 1]).append(" |\n");
            }
            md.append("\nPlot: [event-flow.svg](event-flow.svg)\n");
            Files.writeString(dir.resolve("event-flow.svg"), flowSvg(flow));
            Path cpu = dir.resolve("flow").resolve("cpu.csv");
            if (Files.exists(cpu) && flow.filed > 0) {
                md.append("\n### CPU per filed case, every consumer done and the mail accepted by SMTP\n\n");
                md.append("Each stack process's CPU time (with its children) from the start of the flow until the stack was idle again, ")
                        .append("minus its own idle rate over that window, divided by the cases filed (as ")
                        .append("`/work/shared/tools/cpu-per-case` measures). The load generator and the benchmark gateway are not counted.\n\n");
                md.append("| process | ms per filed case | idle baseline, ms per case |\n|---|---|---|\n");
                double total = 0;
                List<String[]> rows = new ArrayList<>(csv(cpu));
                rows.sort((a, b) -> Double.compare(Double.parseDouble(b[1]) - Double.parseDouble(b[2]),
                        Double.parseDouble(a[1]) - Double.parseDouble(a[2])));
                for (String[] row : rows) {
                    double busy = (Double.parseDouble(row[1]) - Double.parseDouble(row[2])) / flow.filed;
                    total += busy;
                    md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", row[0], busy, Double.parseDouble(row[2]) / flow.filed));
                }
                md.append(String.format(Locale.ROOT, "| **whole stack** | **%.2f** | |%n", total));
            }
            Path statements = dir.resolve("flow").resolve("statements.csv");
            if (Files.exists(statements) && flow.filed > 0) {
                md.append("\n### SQL statements per filed case (pg_stat_statements, same window)\n\n");
                md.append("| database | statements per case | execution ms per case |\n|---|---|---|\n");
                double calls = 0;
                for (String[] row : csv(statements)) {
                    calls += Double.parseDouble(row[1]);
                    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |%n", row[0], Double.parseDouble(row[1]) / flow.filed,
                            Double.parseDouble(row[2]) / flow.filed));
                }
                md.append(String.format(Locale.ROOT, "| **all four** | **%.1f** | |%n", calls / flow.filed))
                        .append("\nThe most frequent statements: `flow/statements-top.csv`.\n");
            }
        }

        if (!startup.isEmpty()) {
            md.append("\n## Startup and idle memory of each service (`java ").append(machine.getProperty("service_java_opts"))
                    .append(" -jar …/quarkus-run.jar`)\n\n");
            md.append("Ready = from the launch of the JVM to the first 200 of /q/health/ready (database, Kafka, OIDC discovery). ")
                    .append("The first start migrates an empty database (Flyway); the restart finds it migrated; \"aot cache\" is a ")
                    .append("restart with the JDK AOT cache written by a training run just before (`-XX:AOTCacheOutput`, as `deploy/stack aot` ")
                    .append("does for the stack). Idle RSS 10 s after ready.\n\n");
            md.append("| service | start | ready ms | Quarkus \"started in\" s | idle RSS MB |\n|---|---|---|---|---|\n");
            for (String[] row : startup) {
                md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" | ").append(row[3])
                        .append(" | ").append(Long.parseLong(row[4]) / 1024).append(" |\n");
            }
        }

        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        if (scenarios.containsKey("filing")) {
            Scenario sc = scenarios.get("filing");
            Stats s = Stats.of(sc.measured(), sc.seconds());
            target(md, "case filing through the gateway ≥ 1 000/s, p99 ≤ 100 ms, 0 errors",
                    String.format(Locale.ROOT, "%s/s, p99 %d ms, %d errors", fmt(s.perSecond()), s.p99(), s.errors()),
                    s.perSecond() >= 1000 && s.p99() <= 100 && s.errors() == 0);
        }
        if (scenarios.containsKey("reads")) {
            Scenario sc = scenarios.get("reads");
            Stats s = Stats.of(sc.measured(), sc.seconds());
            target(md, "case reads ≥ 3 000/s", String.format(Locale.ROOT, "%s/s, p99 %d ms, %d errors", fmt(s.perSecond()), s.p99(), s.errors()),
                    s.perSecond() >= 3000 && s.errors() == 0);
        }
        if (flow != null && flow.stages.containsKey("mail accepted")) {
            long[] v = flow.stages.get("mail accepted").stream().mapToLong(Long::longValue).sorted().toArray();
            double rate = flow.filed / Double.parseDouble(scenarios.get("flow").meta.getProperty("duration_s"));
            long p99 = percentile(v, 99);
            target(md, "filing → mail p99 ≤ 1 s at 100 cases/s", String.format(Locale.ROOT, "p99 %d ms at %.1f cases/s, %d of %d mails",
                    p99, rate, v.length, flow.filed), p99 <= 1000 && rate >= 99 && v.length == flow.filed);
        }
        boolean aotMeasured = startup.stream().anyMatch(row -> row[1].equals("aot cache"));
        for (String[] row : startup) {
            if (row[1].equals(aotMeasured ? "aot cache" : "restart")) {
                long rssMb = Long.parseLong(row[4]) / 1024;
                target(md, row[0] + " idle RSS ≤ 200 MB, ready ≤ 3 s after java -jar" + (aotMeasured ? " (AOT cache)" : ""),
                        rssMb + " MB, ready " + row[2] + " ms", rssMb <= 200 && Long.parseLong(row[2]) <= 3000);
            }
        }
        long cases = number(machine, "cases_end") - number(machine, "cases_start");
        boolean filed = scenarios.containsKey("filing") || scenarios.containsKey("flow") || scenarios.containsKey("mix");
        if (filed && cases > 0 && number(machine, "cases_start") > 0) {
            md.append("\n## Database growth in this run\n\n| database | grew by MB | bytes per case filed |\n|---|---|---|\n");
            long total = 0;
            for (String key : machine.stringPropertyNames().stream().filter(k -> k.startsWith("db_bytes_start.")).sorted().toList()) {
                String db = key.substring("db_bytes_start.".length());
                long grew = number(machine, "db_bytes_end." + db) - number(machine, key);
                total += grew;
                md.append("| ").append(db).append(" | ").append(fmt(grew / 1048576.0)).append(" | ").append(grew / cases).append(" |\n");
            }
            md.append("| **all** (").append(cases).append(" cases filed, with their comments, state changes and mails) | ")
                    .append(fmt(total / 1048576.0)).append(" | ").append(total / cases).append(" |\n");
        }
        md.append("\nPlot: [throughput.svg](throughput.svg) — requests/s and p99 latency of each scenario, second by second.\n");
        if (Files.exists(dir.resolve("drain.txt"))) {
            md.append("\nEvent backlog left when the next step started:\n\n");
            Files.readAllLines(dir.resolve("drain.txt")).forEach(l -> md.append("- ").append(l).append('\n'));
        }
        Files.writeString(dir.resolve("throughput.svg"), throughputSvg(scenarios));
        Files.writeString(dir.resolve("report.md"), md.toString());
        System.out.print(md);
    }

    private static long number(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.matches("[0-9]+") ? Long.parseLong(v) : 0;
    }

    private static void target(StringBuilder md, String what, String measured, boolean met) {
        md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    // ---------------------------------------------------------------------------------------------
    // Event flow
    // ---------------------------------------------------------------------------------------------

    record FlowResult(int filed, long errors, long firstStart, Map<String, List<Long>> stages, List<long[]> points) {
    }

    private static FlowResult flow(Path dir, Scenario scenario) throws IOException {
        Map<String, String[]> outbox = new HashMap<>(); // case id -> event id, created, published
        for (String[] row : csv(dir.resolve("outbox.csv"))) {
            outbox.put(row[0], new String[] {row[1], row[2], row[3]});
        }
        Map<String, Long> sla = new HashMap<>();
        for (String[] row : csv(dir.resolve("sla.csv"))) {
            sla.put(row[0], Long.parseLong(row[1]));
        }
        Map<String, Long> mail = new HashMap<>();
        for (String[] row : csv(dir.resolve("mail.csv"))) {
            if (!row[1].isEmpty()) {
                mail.merge(row[0], Long.parseLong(row[1]), Math::min);
            }
        }
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        stages.put("relayed to Kafka", new ArrayList<>());
        stages.put("SLA targets set", new ArrayList<>());
        stages.put("mail accepted", new ArrayList<>());
        List<long[]> points = new ArrayList<>();
        int filed = 0;
        long errors = 0, firstStart = Long.MAX_VALUE;
        for (Request r : scenario.requests) {
            if (!r.ok || r.caseId == null || r.caseId.isEmpty()) {
                errors++;
                continue;
            }
            filed++;
            long start = r.end - r.latency;
            firstStart = Math.min(firstStart, start);
            String[] o = outbox.get(r.caseId);
            Long published = o == null || o[2].isEmpty() ? null : Long.parseLong(o[2]);
            Long slaAt = o == null ? null : sla.get(o[0]);
            Long mailAt = mail.get(r.caseId);
            if (published != null) {
                stages.get("relayed to Kafka").add(published - start);
            }
            if (slaAt != null) {
                stages.get("SLA targets set").add(slaAt - start);
            }
            if (mailAt != null) {
                stages.get("mail accepted").add(mailAt - start);
            }
            points.add(new long[] {start, slaAt == null ? -1 : slaAt - start, mailAt == null ? -1 : mailAt - start});
        }
        return new FlowResult(filed, errors, firstStart, stages, points);
    }

    // ---------------------------------------------------------------------------------------------
    // SVG
    // ---------------------------------------------------------------------------------------------

    private static String throughputSvg(Map<String, Scenario> scenarios) {
        int width = 900, panel = 260, left = 70, top = 40, gap = 60, plotW = 620;
        int height = top + 2 * panel + gap + 40;
        Map<String, double[]> rate = new LinkedHashMap<>();
        Map<String, double[]> p99 = new LinkedHashMap<>();
        int maxSeconds = 1;
        for (Scenario sc : scenarios.values()) {
            long start = Long.parseLong(sc.meta.getProperty("start_ms"));
            int seconds = (int) Math.max(1, (sc.windowEnd() - start) / 1000 + 1);
            maxSeconds = Math.max(maxSeconds, seconds);
            List<List<Long>> perSecond = new ArrayList<>();
            for (int i = 0; i < seconds; i++) {
                perSecond.add(new ArrayList<>());
            }
            for (Request r : sc.requests) {
                int s = (int) ((r.end - start) / 1000);
                if (s >= 0 && s < seconds) {
                    perSecond.get(s).add(r.latency);
                }
            }
            double[] rates = new double[seconds], tails = new double[seconds];
            for (int i = 0; i < seconds; i++) {
                long[] v = perSecond.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
                rates[i] = v.length;
                tails[i] = v.length == 0 ? Double.NaN : percentile(v, 99);
            }
            rate.put(sc.name, rates);
            p99.put(sc.name, tails);
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Casework through the gateway: throughput and p99 latency per second</text>\n");
        panel(svg, rate, "requests/s", left, top, plotW, panel, maxSeconds, false);
        panel(svg, p99, "p99 latency (ms, log scale)", left, top + panel + gap, plotW, panel, maxSeconds, true);
        int i = 0;
        for (String name : rate.keySet()) {
            int y = top + 10 + 18 * i;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    left + plotW + 20, y, COLORS[i % COLORS.length], left + plotW + 40, y + 5, name));
            i++;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the scenario started (first 5 s: warm-up)</text>\n",
                left + plotW / 2, height - 8));
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Map<String, double[]> series, String label, int x, int y, int w, int h,
                              int maxSeconds, boolean log) {
        double max = series.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
        max = niceCeiling(Math.max(max, log ? 10 : 1));
        double lo = log ? 1 : 0;
        double finalMax = max;
        java.util.function.DoubleUnaryOperator scale = v -> {
            double f = log ? Math.log10(Math.max(v, lo)) / Math.log10(finalMax) : v / finalMax;
            return y + h - Math.min(1, Math.max(0, f)) * h;
        };
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n", x, y, w, h));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\">%s</text>\n",
                x - 50, y + h / 2, x - 50, y + h / 2, label));
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = 1; t <= max; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(max * i / 4);
            }
        }
        for (double t : ticks) {
            double ty = scale.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    x, ty, x + w, ty, x - 5, ty + 4, fmt(t)));
        }
        for (int s = 0; s <= maxSeconds; s += Math.max(5, maxSeconds / 10 / 5 * 5)) {
            double tx = x + (double) s / maxSeconds * w;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", tx, y + h + 15, s));
        }
        int i = 0;
        for (double[] values : series.values()) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int s = 0; s < values.length; s++) {
                if (Double.isNaN(values[s])) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f,%.1f",
                        x + (s + 0.5) / maxSeconds * w, scale.applyAsDouble(values[s])));
                pen = true;
            }
            svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(COLORS[i % COLORS.length]).append("\" stroke-width=\"1.5\"/>\n");
            i++;
        }
    }

    private static String flowSvg(FlowResult flow) {
        int width = 900, height = 420, left = 70, top = 40, w = 700, h = 320;
        long last = flow.points.stream().mapToLong(p -> p[0]).max().orElse(flow.firstStart + 1000);
        double seconds = Math.max(1, (last - flow.firstStart) / 1000.0);
        double max = niceCeiling(Math.max(1000, flow.points.stream().mapToLong(p -> Math.max(p[1], p[2])).max().orElse(1000)));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Event flow per case: filed → SLA targets set, filed → confirmation mail accepted</text>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n", left, top, w, h));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4, ty = top + h - v / max * h;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    left, ty, left + w, ty, left - 5, ty + 4, fmt(v)));
        }
        double target = top + h - 1000 / max * h;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6,4\"/><text x=\"%d\" y=\"%.1f\" fill=\"#d62728\">1 s target</text>\n",
                left, target, left + w, target, left + w + 5, target + 4));
        for (long[] p : flow.points) {
            double px = left + (p[0] - flow.firstStart) / 1000.0 / seconds * w;
            if (p[1] >= 0) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.2\" fill=\"#2ca02c\"/>", px, top + h - Math.min(p[1], max) / max * h));
            }
            if (p[2] >= 0) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.2\" fill=\"#1f77b4\"/>", px, top + h - Math.min(p[2], max) / max * h));
            }
        }
        svg.append('\n');
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\">ms after the POST was sent</text>\n",
                left - 50, top + h / 2, left - 50, top + h / 2));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the first filing (%.0f s)</text>\n", left + w / 2, top + h + 30, seconds));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#2ca02c\"/><text x=\"%d\" y=\"%d\">SLA targets set</text>\n", left + w + 10, top + 40, left + w + 20, top + 44));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#1f77b4\"/><text x=\"%d\" y=\"%d\">mail accepted</text>\n", left + w + 10, top + 60, left + w + 20, top + 64));
        return svg.append("</svg>\n").toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Input
    // ---------------------------------------------------------------------------------------------

    private static Usage usage(Scenario sc, String component) {
        List<Sample> samples = sc.samples.stream().filter(s -> s.component.equals(component)).toList();
        if (samples.isEmpty() || samples.getLast().rssKb == 0) {
            return null;
        }
        Sample first = samples.stream().filter(s -> s.time >= sc.windowStart()).findFirst().orElse(samples.getFirst());
        Sample last = samples.getLast();
        long rss = samples.stream().filter(s -> s.time >= sc.windowStart()).mapToLong(Sample::rssKb).max().orElse(0);
        double seconds = (last.time - first.time) / 1000.0;
        // scale to the measured window (the samples bracket it to within a second)
        double cpu = (last.cpuTicks - first.cpuTicks) / TICKS_PER_SECOND * (seconds <= 0 ? 1 : sc.seconds() / seconds);
        return new Usage(cpu, rss);
    }

    private static List<Request> readRequests(Path file) throws IOException {
        List<Request> requests = new ArrayList<>();
        if (Files.exists(file)) {
            for (String[] f : csv(file).stream().skip(1).toList()) {
                requests.add(new Request(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), f[3].equals("1"), f.length > 4 ? f[4] : ""));
            }
        }
        return requests;
    }

    private static List<Sample> readSamples(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        if (Files.exists(file)) {
            for (String[] f : csv(file).stream().skip(1).toList()) {
                samples.add(new Sample(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        return samples;
    }

    private static List<String[]> csv(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private static Double pgbenchTps(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Matcher m = Pattern.compile("(?m)^tps = ([0-9.]+)").matcher(Files.readString(file));
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            p.load(new StringReader(Files.readString(file)));
        }
        return p;
    }

    private static String firstLine(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().findFirst().orElse("") : "";
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ') : String.format(Locale.ROOT, "%.1f", v);
    }
}
