package io.casework.cases.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.IdempotencyRecord;
import io.casework.rest.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code Idempotency-Key} on every POST that creates something (filing, comments, attachments, escalations, survey
 * answers, organizations): the first request with a key stores which request it was (its target and the SHA-256 of
 * its canonical body) and what it created, in the same transaction as the creation; a retry with the same key and
 * the same request answers with what was created (as it is now, under the caller's current access), and the same
 * key with another request (another body or another target) is 422. Keys are per caller.
 *
 * <p>Two requests with one key at once: both find no record, both create, and the second's record collides with
 * the first's on the primary key, which rolls its whole transaction back (its creation included); it is then
 * answered as a retry. The same retry answers a request that lost a race on another unique index (an externalId,
 * an organization id), with the rule that index stands for.
 */
@ApplicationScoped
public class Idempotency {

    /** Longest key accepted (the column's length). */
    public static final int MAX_KEY_LENGTH = 255;

    private final ObjectMapper json;

    Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One request: who sent it, its key (null: none), what it asks for ({@code POST /api/v1/cases/{id}/comments}
     * with the id) and the hash of its canonical body (null without a key).
     */
    public record Request(Caller caller, String key, String target, String hash) {
    }

    /** A result, and whether it is the answer to an earlier request with the same key. */
    public record Outcome<T>(T value, boolean replayed) {

        /** The value of the {@code Idempotent-Replayed} header: "true" for a replay, else none. */
        public String replayedHeader() {
            return replayed ? "true" : null;
        }
    }

    /**
     * Records, inside the transaction that creates something, what a keyed request created: the case it concerns
     * and, for what is not a case (a comment, an attachment, an organization), its id. Does nothing without a key.
     */
    @FunctionalInterface
    public interface Recorder {

        Recorder NONE = (caseId, resourceId) -> {
        };

        void created(UUID caseId, String resourceId);
    }

    /** The request as the mechanism keeps it: the key is checked (400 if blank or too long), the body hashed. */
    public Request request(Caller caller, String key, String target, Object canonicalBody) {
        if (key == null) {
            return new Request(caller, null, target, null);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new CaseRuleException(Kind.INVALID, "Bad Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Request(caller, key, target, hash(canonicalBody));
    }

    /**
     * Runs {@code create} once per key: it must call the recorder inside the transaction that creates. A retry is
     * answered by {@code replay} from the earlier record.
     */
    public <T> Outcome<T> once(Request request, Function<Recorder, T> create, Function<IdempotencyRecord, T> replay) {
        try {
            return attempt(request, create, replay);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent request won a unique index (this key, an externalId, an id) and this transaction rolled
            // back: the retry answers from the winner.
            return attempt(request, create, replay);
        }
    }

    private <T> Outcome<T> attempt(Request request, Function<Recorder, T> create, Function<IdempotencyRecord, T> replay) {
        if (request.key() == null) {
            return new Outcome<>(create.apply(Recorder.NONE), false);
        }
        IdempotencyRecord earlier = IdempotencyRecord.findById(
                new IdempotencyRecord.Key(request.caller().email(), request.key()));
        if (earlier != null) {
            if (!earlier.requestTarget.equals(request.target()) || !earlier.requestHash.equals(request.hash())) {
                throw new CaseRuleException(Kind.UNPROCESSABLE, "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request (" + earlier.requestTarget
                                + "); use a new key for a new request");
            }
            return new Outcome<>(replay.apply(earlier), true);
        }
        boolean[] recorded = { false };
        T value = create.apply((caseId, resourceId) -> {
            remember(request, caseId, resourceId);
            recorded[0] = true;
        });
        if (!recorded[0]) {
            throw new IllegalStateException(request.target() + " did not record its Idempotency-Key");
        }
        return new Outcome<>(value, false);
    }

    /** Written in the creating transaction and flushed at once, so that a second writer of the key fails here. */
    private static void remember(Request request, UUID caseId, String resourceId) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("An Idempotency-Key is recorded in the transaction that creates");
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = new IdempotencyRecord.Key(request.caller().email(), request.key());
        record.requestTarget = request.target();
        record.requestHash = request.hash();
        record.caseId = caseId;
        record.resourceId = resourceId;
        record.createdAt = Instant.now();
        record.persistAndFlush();
    }

    private String hash(Object canonicalBody) {
        try {
            byte[] canonical = json.writeValueAsBytes(canonicalBody);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
