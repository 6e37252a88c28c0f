package io.casework.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.casework.e2e.faults.Http.Answer;
import io.casework.e2e.faults.Load.AcceptedCase;
import io.casework.e2e.faults.Load.AcceptedComment;
import io.restassured.path.json.JsonPath;

/**
 * What must hold after a fault, for every case and comment the load got accepted: the case exists once, its events
 * reached sla-service (targets, with a clock started at filing) and notification-service (one confirmation mail per
 * recipient, in the SMTP server once per Message-ID), and each accepted comment exists once.
 */
public final class Checks {

    /**
     * The outcome: cases fully verified, and the problems of those that are not (empty when all is well); the mails the
     * verified cases' contacts received (distinct Message-IDs) and the extra copies among them.
     */
    public record Result(int verified, Map<String, String> problems, List<String> fatal, Duration waited, int mails,
            int repeatedMails) {
        public boolean ok() {
            return problems.isEmpty() && fatal.isEmpty();
        }

        /** Extra copies per 1,000 mails. */
        public double repeatsPerThousand() {
            return mails == 0 ? 0 : 1000.0 * repeatedMails / mails;
        }
    }

    /** Per case: distinct Message-IDs in the contact's mailbox, and extra copies of them. */
    private record Tally(int mails, int repeats) {
    }

    private Checks() {
    }

    /**
     * Polls until every case passes or the time is up. Mails delivered before {@code mailboxSince} are checked in
     * the delivery log only (the SMTP sink keeps its mailboxes in memory, so a restart empties them).
     */
    public static Result verify(List<AcceptedCase> cases, List<AcceptedComment> comments, Duration within, Instant mailboxSince) {
        return verify(cases, comments, within, mailboxSince, false);
    }

    /**
     * {@code repeatsAllowed}: the fault kills notification-service while it sends, so a mail whose acceptance by the SMTP
     * server was not recorded yet may be sent again with its Message-ID (docs/notifications.md): such copies are counted
     * rather than fatal.
     */
    public static Result verify(List<AcceptedCase> cases, List<AcceptedComment> comments, Duration within, Instant mailboxSince,
            boolean repeatsAllowed) {
        Map<String, Tally> tallies = new java.util.concurrent.ConcurrentHashMap<>();
        Instant start = Instant.now();
        Map<String, List<String>> commentsByCase = comments.stream().collect(
                Collectors.groupingBy(AcceptedComment::caseId, Collectors.mapping(AcceptedComment::body, Collectors.toList())));
        Map<String, String> pending = new LinkedHashMap<>();
        cases.forEach(c -> pending.put(c.id(), "not checked yet"));
        List<String> fatal = new CopyOnWriteArrayList<>();
        // Re-checks the cases still pending every 5 s until all pass, one check is fatal, or the time is up.
        try {
            Awaitility.await("every accepted case verified").atMost(within).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(5)).until(() -> {
                        for (AcceptedCase c : cases) {
                            if (pending.containsKey(c.id())) {
                                String problem = check(c, commentsByCase.getOrDefault(c.id(), List.of()), mailboxSince, fatal,
                                        repeatsAllowed, tallies);
                                if (problem == null) {
                                    pending.remove(c.id());
                                } else {
                                    pending.put(c.id(), problem);
                                }
                            }
                        }
                        return pending.isEmpty() || !fatal.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // what is still pending is reported below
        }
        Map<String, String> problems = new LinkedHashMap<>();
        cases.stream().filter(c -> pending.containsKey(c.id()))
                .forEach(c -> problems.put(c.number() + " " + c.id(), pending.get(c.id())));
        int mails = tallies.values().stream().mapToInt(Tally::mails).sum();
        int repeats = tallies.values().stream().mapToInt(Tally::repeats).sum();
        return new Result(cases.size() - pending.size(), problems, fatal, Duration.between(start, Instant.now()), mails, repeats);
    }

    /** Null when the case passes; otherwise why not (yet). Duplicates are fatal at once. */
    static String check(AcceptedCase c, List<String> acceptedComments, Instant mailboxSince, List<String> fatal,
            boolean repeatsAllowed, Map<String, Tally> tallies) {
        String sam = Http.token("sam@casework.example");
        Answer got = Http.get(Http.GATEWAY + "/api/v1/cases/" + c.id(), sam);
        if (got.status() != 200) {
            return "case read -> " + got.status() + " " + Load.abbreviate(got.body());
        }
        JsonPath kase = got.json();
        String due = kase.getString("firstResponseDueAt");
        Instant created = Instant.parse(kase.getString("createdAt"));

        Answer found = Http.get(Http.GATEWAY + "/api/v1/cases?limit=10&q=" + c.subject().replace(" ", "+"), sam);
        if (found.status() != 200) {
            return "case search -> " + found.status();
        }
        List<String> ids = found.json().getList("items.findAll { it.subject == '" + c.subject() + "' }.id");
        if (ids.size() != 1) {
            fatal.add(c.number() + ": " + ids.size() + " cases with subject '" + c.subject() + "' " + ids);
            return "exists " + ids.size() + " times";
        }

        // SLA: the first-response clock runs from the filing time, whatever delayed the event.
        Answer sla = Http.get(Http.GATEWAY + "/api/v1/sla/cases/" + c.id(), sam);
        if (sla.status() != 200) {
            return "sla -> " + sla.status() + " (case.opened not applied by sla-service yet)";
        }
        Map<String, Object> first = sla.json().getMap("targets.find { it.metric == 'FIRST_RESPONSE' && it.cycle == 0 }");
        if (first == null) {
            return "no FIRST_RESPONSE target";
        }
        Instant startedAt = Instant.parse((String) first.get("startedAt"));
        if (Math.abs(Duration.between(created, startedAt).toMillis()) > 1) {
            return "SLA clock started at " + startedAt + ", case created at " + created;
        }
        if (first.get("dueAt") == null) {
            return "FIRST_RESPONSE has no due time (" + first.get("state") + ")";
        }
        Instant slaDue = Instant.parse((String) first.get("dueAt"));
        Instant expected = expectedDue((String) first.get("clock"), (String) first.get("calendar"), startedAt,
                (String) first.get("target"), sam);
        if (expected == null) {
            return "calendar deadline not computable";
        }
        if (!expected.equals(slaDue)) {
            return "SLA due " + slaDue + ", but " + first.get("target") + " from " + startedAt + " on " + first.get("calendar")
                    + " is " + expected;
        }
        if (due == null || !Instant.parse(due).equals(slaDue)) {
            return "case shows firstResponseDueAt " + due + ", sla-service " + slaDue;
        }

        // Mail: one delivery per (event, recipient), the confirmation sent, each Message-ID once in the SMTP sink.
        Answer log = Http.get(Http.GATEWAY + "/api/v1/notifications/deliveries?limit=200&caseId=" + c.id(), sam);
        if (log.status() != 200) {
            return "delivery log -> " + log.status();
        }
        List<Map<String, Object>> deliveries = log.json().getList("items");
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> d : deliveries) {
            if (!seen.add(d.get("eventId") + "|" + d.get("recipient"))) {
                fatal.add(c.number() + ": two deliveries of event " + d.get("eventId") + " to " + d.get("recipient"));
                return "duplicate delivery";
            }
        }
        List<Map<String, Object>> opened = deliveries.stream()
                .filter(d -> "CASE_OPENED".equals(d.get("kind")) && c.contactEmail().equals(d.get("recipient"))).toList();
        if (opened.size() != 1 || !"SENT".equals(opened.getFirst().get("status"))) {
            return "confirmation mail: " + opened.stream().map(d -> d.get("status") + "/" + d.get("attempts") + "/" + d.get("lastError"))
                    .toList();
        }
        Answer inbox = Http.get(Http.MAIL_API + "/api/user/" + c.contactEmail() + "/messages/INBOX", null);
        List<Map<String, Object>> mails = inbox.status() == 200 ? inbox.json().getList("") : List.of();
        Map<String, Integer> perMessageId = new HashMap<>();
        for (Map<String, Object> m : mails) {
            perMessageId.merge(String.valueOf(m.get("Message-ID")), 1, Integer::sum);
        }
        perMessageId.forEach((id, n) -> {
            if (n > 1 && !repeatsAllowed) {
                fatal.add(c.number() + ": Message-ID " + id + " received " + n + " times by " + c.contactEmail());
            }
        });
        tallies.put(c.id(), new Tally(perMessageId.size(), perMessageId.values().stream().mapToInt(n -> n - 1).sum()));
        for (Map<String, Object> d : deliveries) {
            if (!"SENT".equals(d.get("status")) || !c.contactEmail().equals(d.get("recipient"))) {
                continue;
            }
            Instant sentAt = Instant.parse((String) d.get("sentAt"));
            if (mailboxSince != null && sentAt.isBefore(mailboxSince)) {
                continue;
            }
            if (!perMessageId.containsKey(String.valueOf(d.get("smtpMessageId")))) {
                return d.get("kind") + " mail " + d.get("smtpMessageId") + " logged as sent at " + sentAt + " but not in the mailbox";
            }
        }

        if (!acceptedComments.isEmpty()) {
            Answer listed = Http.get(Http.GATEWAY + "/api/v1/cases/" + c.id() + "/comments?limit=200", sam);
            if (listed.status() != 200) {
                return "comments -> " + listed.status();
            }
            List<String> bodies = listed.body().strip().startsWith("[") ? listed.json().getList("body")
                    : listed.json().getList("items.body");
            for (String body : acceptedComments) {
                long n = bodies.stream().filter(body::equals).count();
                if (n > 1) {
                    fatal.add(c.number() + ": comment '" + body + "' stored " + n + " times");
                }
                if (n == 0) {
                    return "accepted comment '" + body + "' missing";
                }
            }
        }
        return null;
    }

    private static final Map<String, Instant> DEADLINES = new java.util.concurrent.ConcurrentHashMap<>();

    static Instant expectedDue(String clock, String calendar, Instant start, String target, String token) {
        if ("ALWAYS".equals(clock)) {
            return start.plus(Duration.parse(target));
        }
        String key = calendar + start + target;
        Instant cached = DEADLINES.get(key);
        if (cached != null) {
            return cached;
        }
        Answer a = Http.get(Http.GATEWAY + "/api/v1/sla/calendars/" + calendar + "/deadline?start=" + start.truncatedTo(ChronoUnit.MICROS)
                + "&duration=" + target, token);
        if (a.status() != 200) {
            return null;
        }
        String due = a.json().getString("deadline");
        if (due == null) {
            due = a.json().getString("dueAt");
        }
        if (due == null) {
            return null;
        }
        Instant value = Instant.parse(due);
        DEADLINES.put(key, value);
        return value;
    }

    /** Summary lines of a result for the report. */
    public static List<String> describe(Result r, int limit) {
        List<String> lines = new ArrayList<>();
        lines.add("verified " + r.verified() + " cases in " + r.waited().toSeconds() + " s; problems: " + r.problems().size()
                + "; fatal: " + r.fatal().size());
        lines.add(String.format("mails to the cases' contacts: %d distinct Message-IDs, %d extra copies (%.1f per 1,000 mails)",
                r.mails(), r.repeatedMails(), r.repeatsPerThousand()));
        r.fatal().stream().limit(limit).forEach(f -> lines.add("  FATAL " + f));
        r.problems().entrySet().stream().limit(limit).forEach(e -> lines.add("  " + e.getKey() + ": " + e.getValue()));
        return lines;
    }
}
