package io.casework.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;

import io.casework.e2e.faults.Http.Answer;

/**
 * Mixed load through the gateway at a bounded rate: customers and a partner integration file cases (with an
 * Idempotency-Key, retried with the same key until a definitive answer), read and list them, comment, and read
 * SLA and status. Every accepted case and comment is remembered for the checks afterwards.
 */
public final class Load implements AutoCloseable {

    /** A case the system accepted (201). */
    public record AcceptedCase(String id, String number, String subject, String contactEmail, String filer, Instant acceptedAt) {
    }

    /** A comment the system accepted (201). */
    public record AcceptedComment(String caseId, String body) {
    }

    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private final double requestsPerSecond;
    private final int workers;
    private final Duration retryFor;
    private final AtomicBoolean stop = new AtomicBoolean();
    private ScheduledThreadPoolExecutor pacer;
    private final AtomicInteger sequence = new AtomicInteger();

    public final List<AcceptedCase> cases = new CopyOnWriteArrayList<>();
    public final List<AcceptedComment> comments = new CopyOnWriteArrayList<>();
    /** Requests by outcome: accepted (2xx), refused (final 4xx), transient (no answer or 5xx, retried or given up), lost. */
    public final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    private final int filePercent;

    /** filePercent: share of the requests that file a case (the rest read, list and comment). */
    public Load(double requestsPerSecond, int workers, Duration retryFor, int filePercent) {
        this.filePercent = filePercent;
        this.requestsPerSecond = requestsPerSecond;
        this.workers = workers;
        this.retryFor = retryFor;
    }

    public String runId() {
        return run;
    }

    public Load start() {
        pacer = new ScheduledThreadPoolExecutor(workers, Thread.ofVirtual().name("load-", 0).factory());
        pacer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long pauseNanos = (long) (workers / requestsPerSecond * 1e9);
        for (int i = 0; i < workers; i++) {
            pacer.execute(new Worker(pauseNanos, System.nanoTime()));
        }
        return this;
    }

    /** Stops the workers and waits for the requests in flight (each bounded by its own retry window). */
    @Override
    public void close() {
        stop.set(true);
        pacer.shutdown();
        try {
            pacer.awaitTermination(retryFor.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long count(String key) {
        return counts.getOrDefault(key, new AtomicLong()).get();
    }

    private void add(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * One worker: a step every {@code pause} (requests per second ÷ workers), scheduled again after each step at
     * its next slot; a step that overran its slot (a retried filing during an outage) is followed at once, without
     * a burst to catch up.
     */
    private final class Worker implements Runnable {
        private final long pause;
        private long next;

        Worker(long pause, long first) {
            this.pause = pause;
            this.next = first;
        }

        @Override
        public void run() {
            if (stop.get()) {
                return;
            }
            try {
                step();
            } catch (RuntimeException e) {
                add("client-error");
                note("client error: " + e);
            }
            next = Math.max(next + pause, System.nanoTime());
            if (!stop.get()) {
                pacer.schedule(this, next - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void step() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < filePercent || cases.isEmpty()) {
            fileCase();
            return;
        }
        dice = 25 + ThreadLocalRandom.current().nextInt(75); // the other actions, in the proportions below
        AcceptedCase some = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
        String alice = Http.token("alice@acme.example");
        if (dice < 45) {
            read("case", Http.get(Http.GATEWAY + "/api/v1/cases/" + some.id(), alice));
        } else if (dice < 60) {
            read("list", Http.get(Http.GATEWAY + "/api/v1/cases?limit=20", alice));
        } else if (dice < 70) {
            comment(some, alice);
        } else if (dice < 80) {
            read("sla", Http.get(Http.GATEWAY + "/api/v1/sla/cases/" + some.id(), Http.token("sam@casework.example")));
        } else if (dice < 90) {
            read("history", Http.get(Http.GATEWAY + "/api/v1/cases/" + some.id() + "/history", alice));
        } else {
            read("status", Http.get(Http.GATEWAY + "/api/v1/status/incidents", null));
        }
    }

    private void read(String what, Answer a) {
        if (a.status() >= 200 && a.status() < 300) {
            add("read.ok");
        } else if (what.equals("sla") && a.status() == 404) {
            // sla-service learns of a case from its case.opened event: until then (a broker outage delays it) there is none yet.
            add("read.not-yet");
        } else if (!a.answered() || a.status() >= 500) {
            add("read.transient");
            note(what + " -> " + (a.answered() ? a.status() + " " + abbreviate(a.body()) : a.error()));
        } else {
            add("read.refused");
            note(what + " refused -> " + a.status() + " " + abbreviate(a.body()));
        }
    }

    private void comment(AcceptedCase target, String token) {
        String body = "load comment " + run + "-" + sequence.incrementAndGet();
        Answer a = Http.send("POST", Http.GATEWAY + "/api/v1/cases/" + target.id() + "/comments", token,
                "{\"body\": \"" + body + "\"}", Map.of());
        if (a.status() == 201) {
            add("comment.accepted");
            comments.add(new AcceptedComment(target.id(), body));
        } else if (!a.answered() || a.status() >= 500) {
            // Not retried (comments carry no Idempotency-Key): the outcome is unknown, so the checks do not expect it.
            add("comment.transient");
            note("comment -> " + (a.answered() ? a.status() + " " + abbreviate(a.body()) : a.error()));
        } else {
            add("comment.refused");
            note("comment refused -> " + a.status() + " " + abbreviate(a.body()));
        }
    }

    private void fileCase() {
        int n = sequence.incrementAndGet();
        boolean partner = n % 3 == 0;
        String subject = "load " + run + " n" + n + "x";
        String contact = "ld-" + run + "-" + n + "@acme.example";
        String json = """
                {"organization": "acme", "product": "Cloud Mail", "subject": "%s", "description": "Generated by the fault and soak runs.",
                 "priority": "%s", "contactEmail": "%s"}""".formatted(subject, partner ? "SEVERE" : "P3", contact);
        String key = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(retryFor);
        AtomicInteger attempts = new AtomicInteger();
        String who = partner ? "partner-resellco" : "alice@acme.example";
        // Retried a second apart, with the same Idempotency-Key, until accepted, refused or given up (lost).
        Awaitility.await("filing " + subject).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .atMost(retryFor.plusMinutes(2))
                .until(() -> fileOnce(json, key, who, subject, contact, attempts.incrementAndGet(), giveUp));
    }

    /** One attempt at filing; true when the case has its outcome (accepted, refused or lost), false to retry. */
    private boolean fileOnce(String json, String key, String who, String subject, String contact, int attempt, Instant giveUp) {
        Answer a = Http.send("POST", Http.GATEWAY + "/api/v1/cases", Http.token(who), json, Map.of("Idempotency-Key", key));
        if (a.status() == 201) {
            add("case.accepted");
            if (attempt > 1) {
                add("case.accepted-after-retry");
            }
            var j = a.json();
            cases.add(new AcceptedCase(j.getString("id"), j.getString("number"), subject, contact, who, Instant.now()));
            return true;
        }
        if (a.answered() && a.status() < 500 && a.status() != 408 && a.status() != 429) {
            add("case.refused");
            note("file case refused -> " + a.status() + " " + abbreviate(a.body()));
            return true;
        }
        add("case.transient");
        note("file case attempt " + attempt + " -> " + (a.answered() ? a.status() + " " + abbreviate(a.body()) : a.error()));
        if (Instant.now().isAfter(giveUp)) {
            add("case.lost");
            note("file case LOST after " + attempt + " attempts: " + subject);
            return true;
        }
        return false;
    }

    private void note(String message) {
        if (errors.size() < 2000) {
            errors.add(Instant.now() + " " + message);
        }
    }

    static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
