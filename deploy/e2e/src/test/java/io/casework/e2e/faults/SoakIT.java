package io.casework.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Soak (on demand: {@code deploy/faults/soak --minutes 30}): mixed load through the gateway for the given time while
 * each service's resident memory and open sockets, and PostgreSQL's connections, are sampled every 30 s. Passes when
 * nothing failed, every accepted case checks out afterwards, and the figures of the last third are flat against the
 * first third (the first and last 10 minutes of a 30-minute run).
 */
class SoakIT {

    private static final Report REPORT = new Report("soak");
    private static final List<String> PROCESSES = List.of("case-service", "sla-service", "notification-service", "status-service", "kafka");

    record Sample(Instant at, Map<String, long[]> perProcess, long pgConnections) {
    }

    @Test
    void mixedLoadKeepsMemoryAndConnectionsFlatWithoutErrors() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        double rate = Double.parseDouble(System.getProperty("soak.rate", "6"));
        Duration length = Duration.ofMillis((long) (minutes * 60_000));
        Path csv = Path.of("target", "soak-samples.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "time,process,rss_kb,sockets,threads,pg_connections\n");
        REPORT.line("");
        REPORT.line("== soak " + minutes + " min at " + rate + " req/s (" + Instant.now() + ")");
        List<Sample> samples = new CopyOnWriteArrayList<>();
        AtomicReference<Exception> samplingFailed = new AtomicReference<>();
        Load load = new Load(rate, 4, Duration.ofMinutes(2), 10);
        Instant start = Instant.now();
        load.start();
        // A sample now and every 30 s until the soak's length has passed.
        ScheduledFuture<?> sampler = Phases.timeline().scheduleAtFixedRate(() -> {
            try {
                Sample s = sample();
                samples.add(s);
                for (var e : s.perProcess().entrySet()) {
                    Files.writeString(csv, String.format("%s,%s,%d,%d,%d,%d%n", s.at(), e.getKey(), e.getValue()[0], e.getValue()[1],
                            e.getValue()[2], s.pgConnections()), java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (Exception e) {
                samplingFailed.compareAndSet(null, e);
            }
        }, 0, 30, TimeUnit.SECONDS);
        try {
            Phases.after(length, () -> sampler.cancel(false));
        } finally {
            sampler.cancel(false);
            load.close();
        }
        if (samplingFailed.get() != null) {
            throw samplingFailed.get();
        }
        samples.add(sample());
        Duration ran = Duration.between(start, Instant.now());
        REPORT.line("ran " + ran.toSeconds() + " s; " + samples.size() + " samples every 30 s (target/soak-samples.csv)");
        REPORT.line(String.format("requests: cases accepted %d, refused %d, lost %d, transient %d; comments accepted %d, refused %d, "
                + "unknown %d; reads ok %d, transient %d, refused %d; client errors %d",
                load.count("case.accepted"), load.count("case.refused"), load.count("case.lost"), load.count("case.transient"),
                load.count("comment.accepted"), load.count("comment.refused"), load.count("comment.transient"),
                load.count("read.ok"), load.count("read.transient"), load.count("read.refused"), load.count("client-error")));
        load.errors.stream().limit(10).forEach(e -> REPORT.line("  e.g. " + e));

        int third = Math.max(1, samples.size() / 3);
        List<Sample> first = samples.subList(0, third);
        List<Sample> last = samples.subList(samples.size() - third, samples.size());
        List<String> notFlat = new ArrayList<>();
        REPORT.line(String.format("%-22s %14s %14s %10s %10s %10s %10s", "process", "RSS MB first", "RSS MB last", "sock first",
                "sock last", "max first", "max last"));
        for (String p : PROCESSES) {
            double rssFirst = avg(first, p, 0) / 1024;
            double rssLast = avg(last, p, 0) / 1024;
            double sockFirst = avg(first, p, 1);
            double sockLast = avg(last, p, 1);
            long maxFirst = max(first, p, 1);
            long maxLast = max(last, p, 1);
            REPORT.line(String.format("%-22s %14.1f %14.1f %10.1f %10.1f %10d %10d", p, rssFirst, rssLast, sockFirst, sockLast,
                    maxFirst, maxLast));
            if (rssLast > rssFirst * 1.25 + 32) {
                notFlat.add(p + " RSS " + Math.round(rssFirst) + " -> " + Math.round(rssLast) + " MB");
            }
            if (sockLast > sockFirst * 1.5 + 10) {
                notFlat.add(p + " sockets " + sockFirst + " -> " + sockLast);
            }
        }
        double pgFirst = first.stream().mapToLong(Sample::pgConnections).average().orElse(0);
        double pgLast = last.stream().mapToLong(Sample::pgConnections).average().orElse(0);
        REPORT.line(String.format("PostgreSQL connections to the casework databases: first %.1f, last %.1f", pgFirst, pgLast));
        if (pgLast > pgFirst * 1.5 + 5) {
            notFlat.add("PostgreSQL connections " + pgFirst + " -> " + pgLast);
        }
        REPORT.line("flat: " + (notFlat.isEmpty() ? "yes" : "NO " + notFlat));

        Checks.Result result = Checks.verify(load.cases, load.comments, Duration.ofMinutes(10), null);
        REPORT.lines(Checks.describe(result, 20));
        long errors = load.count("case.refused") + load.count("case.lost") + load.count("case.transient")
                + load.count("comment.refused") + load.count("comment.transient") + load.count("read.transient")
                + load.count("read.refused") + load.count("client-error");
        REPORT.line("== soak: " + (errors == 0 && notFlat.isEmpty() && result.ok() ? "PASS" : "FAIL"));
        assertEquals(0, errors, "failed requests during the soak");
        assertEquals(List.of(), notFlat, "figures that grew");
        assertTrue(result.ok(), "every accepted case checks out");
    }

    private static double avg(List<Sample> samples, String process, int index) {
        return samples.stream().map(s -> s.perProcess().get(process)).filter(v -> v != null && v[0] > 0)
                .mapToLong(v -> v[index]).average().orElse(0);
    }

    private static long max(List<Sample> samples, String process, int index) {
        return samples.stream().map(s -> s.perProcess().get(process)).filter(v -> v != null && v[0] > 0)
                .mapToLong(v -> v[index]).max().orElse(0);
    }

    static Sample sample() {
        Map<String, long[]> per = new LinkedHashMap<>();
        for (String p : PROCESSES) {
            per.put(p, procFigures(StackControl.pidOf(p)));
        }
        return new Sample(Instant.now(), per, pgConnections());
    }

    /** {VmRSS kB, open sockets, threads} of a process from /proc; zeros when it is not there. */
    static long[] procFigures(long pid) {
        if (pid <= 0) {
            return new long[3];
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long rss = 0;
            long threads = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            long sockets;
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                sockets = fds.filter(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false;
                    }
                }).count();
            }
            return new long[] { rss, sockets, threads };
        } catch (IOException | RuntimeException e) {
            return new long[3];
        }
    }

    /** Connections to the four casework databases (psql as the casework role). */
    static long pgConnections() {
        try {
            ProcessBuilder pb = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-h", "127.0.0.1", "-U", "casework", "-d",
                    "casework_cases", "-qAtc", "select count(*) from pg_stat_activity where datname like 'casework%'")
                    .redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", Http.env("CASEWORK_DB_PASSWORD", "casework"));
            pb.environment().put("PGCONNECT_TIMEOUT", "5");
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return out.matches("\\d+") ? Long.parseLong(out) - 1 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
