package io.casework.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection under load against the running stack (on demand: {@code deploy/faults/run [kafka|service|smtp|postgres|mailkill|all]}).
 * For each fault: a bounded mixed load runs through the gateway, the component is killed or stopped and started again,
 * then every accepted case must exist once, with its SLA targets (clock from the filing time) and exactly one
 * confirmation mail, every accepted comment once, and every service ready again by itself.
 */
class FaultsIT {

    private static final Path MARKER = Path.of(Http.env("CASEWORK_FAULTS_MARKER", "/tmp/FAULTS-RUNNING"));
    private static final Report REPORT = new Report("faults");

    /**
     * emptiesMailboxes: the SMTP sink restarts with empty mailboxes. failuresExpected: the fault takes away what
     * requests need (a service, the database), so answers without a result (no answer, 5xx) are expected and retried;
     * a broker or SMTP outage must not cost a single request. repeatsMail: notification-service dies while it sends, so
     * the mails in flight may be sent again with their Message-ID (counted and reported per 1,000 mails, not fatal).
     * rate: this fault's own rate, of filings only (else faults.rate, a mixed load).
     */
    private record Fault(String name, String description, Duration outage, Runnable inject, Runnable restore, boolean emptiesMailboxes,
            boolean failuresExpected, boolean repeatsMail, Double rate) {

        Fault(String name, String description, Duration outage, Runnable inject, Runnable restore, boolean emptiesMailboxes,
                boolean failuresExpected) {
            this(name, description, outage, inject, restore, emptiesMailboxes, failuresExpected, false, null);
        }
    }

    @BeforeAll
    static void mark() throws Exception {
        Files.writeString(MARKER, "deploy/faults/run " + System.getProperty("faults", "all") + " since " + Instant.now() + "\n");
    }

    @AfterAll
    static void unmark() throws Exception {
        Files.deleteIfExists(MARKER);
    }

    @Test
    void everyAcceptedCaseSurvivesEachFault() {
        String wanted = System.getProperty("faults", "all");
        List<String> names = wanted.equals("all") ? List.of("kafka", "service", "smtp", "postgres", "mailkill") : Arrays.asList(wanted.split(","));
        double rate = Double.parseDouble(System.getProperty("faults.rate", "4"));
        Duration smtpOutage = Duration.ofSeconds(Long.parseLong(System.getProperty("faults.smtp-seconds", "120")));
        double mailKillRate = Double.parseDouble(System.getProperty("faults.mailkill-rate", "15"));
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            Fault fault = switch (name.strip()) {
                case "kafka" -> new Fault("kafka", "Kafka broker killed (SIGKILL), restarted after 30 s", Duration.ofSeconds(30),
                        () -> StackControl.stack("kill", "kafka"), () -> StackControl.stack("start", "kafka"), false, false);
                case "service" -> new Fault("service",
                        "case-service killed (SIGKILL) mid-flight, notification-service killed 3 s later; both restarted",
                        Duration.ofSeconds(10), () -> {
                            StackControl.stack("kill", "case-service");
                            Phases.after(Duration.ofSeconds(3), () -> StackControl.stack("kill", "notification-service"));
                        }, () -> StackControl.stack("start", "case-service"), false, true, true, null);
                case "mailkill" -> new Fault("mailkill",
                        "notification-service killed (SIGKILL) while it sends mail at " + mailKillRate + " cases/s, restarted after 10 s",
                        Duration.ofSeconds(10), () -> StackControl.stack("kill", "notification-service"),
                        () -> StackControl.stack("start", "notification-service"), false, false, true, mailKillRate);
                case "smtp" -> new Fault("smtp", "SMTP server (GreenMail) stopped for " + smtpOutage.toSeconds() + " s", smtpOutage,
                        () -> StackControl.stack("stop", "greenmail"), () -> StackControl.stack("start", "greenmail"), true, false);
                case "postgres" -> new Fault("postgres", "PostgreSQL crashed (immediate shutdown), restarted after 10 s",
                        Duration.ofSeconds(10), () -> StackControl.stack("kill", "postgres"),
                        () -> StackControl.stack("start", "postgres"), false, true);
                default -> throw new IllegalArgumentException("unknown fault " + name + " (kafka, service, smtp, postgres, mailkill, all)");
            };
            if (!run(fault, fault.rate() != null ? fault.rate() : rate)) {
                failures.add(fault.name());
            }
        }
        assertEquals(List.of(), failures, "faults whose checks failed (see target/faults-report.txt)");
    }

    private boolean run(Fault fault, double rate) {
        Awaitility.await("all services ready before " + fault.name()).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(StackControl::allReady);
        REPORT.line("");
        REPORT.line("== fault " + fault.name() + ": " + fault.description() + " (" + Instant.now() + ")");
        Instant mailboxSince = null;
        // A fault with its own rate files cases only (each a confirmation mail), the others a mixed load.
        Load load = new Load(rate, fault.rate() != null ? 8 : 4, Duration.ofMinutes(4), fault.rate() != null ? 100 : 25);
        try (StackControl.HealthWatch health = new StackControl.HealthWatch()) {
            load.start();
            Phases.after(Duration.ofSeconds(20), () -> {
                REPORT.line(health.elapsed() + " inject: " + fault.description());
                fault.inject().run();
            });
            Phases.after(fault.outage(), () -> {
                REPORT.line(health.elapsed() + " restore");
                fault.restore().run();
            });
            if (fault.emptiesMailboxes()) {
                mailboxSince = Instant.now();
            }
            REPORT.line(health.elapsed() + " restored; load goes on for 40 s");
            Phases.after(Duration.ofSeconds(40), load::close);
            Awaitility.await("all services ready after " + fault.name()).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).until(StackControl::allReady);
            Phases.after(Duration.ofSeconds(2), () -> REPORT.line(health.elapsed() + " load stopped; all services ready"));
            REPORT.line("readiness: " + (health.transitions.isEmpty() ? "no change" : String.join("; ", health.transitions)));
        }
        REPORT.line(String.format("requests: cases accepted %d (after retry %d), refused %d, lost %d; transient failures (retried) %d; "
                + "comments accepted %d, unknown outcome %d; reads ok %d, transient %d, refused %d, SLA not there yet %d",
                load.count("case.accepted"), load.count("case.accepted-after-retry"), load.count("case.refused"),
                load.count("case.lost"), load.count("case.transient"), load.count("comment.accepted"),
                load.count("comment.transient"), load.count("read.ok"), load.count("read.transient"), load.count("read.refused"),
                load.count("read.not-yet")));
        load.errors.stream().limit(8).forEach(e -> REPORT.line("  e.g. " + e));
        Checks.Result result = Checks.verify(load.cases, load.comments,
                Duration.ofMinutes(Long.parseLong(System.getProperty("faults.verify-minutes", "8"))), mailboxSince, fault.repeatsMail());
        REPORT.lines(Checks.describe(result, 20));
        long failed = load.count("case.transient") + load.count("comment.transient") + load.count("read.transient")
                + load.count("client-error");
        boolean ok = result.ok() && load.count("case.lost") == 0 && load.count("case.refused") == 0
                && load.count("comment.refused") == 0 && load.count("read.refused") == 0 && (fault.failuresExpected() || failed == 0);
        if (!fault.failuresExpected() && failed > 0) {
            REPORT.line(failed + " requests failed (no answer or 5xx) although this fault should cost none");
        }
        REPORT.line("== fault " + fault.name() + ": " + (ok ? "PASS" : "FAIL"));
        assertTrue(StackControl.allReady(), "services ready after " + fault.name());
        return ok;
    }
}
