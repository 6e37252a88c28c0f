package io.casework.cases.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.casework.cases.config.AttachmentConfig;
import io.casework.cases.config.CaseConfig;
import io.casework.cases.domain.Attachment;
import io.casework.cases.domain.AttachmentCorruptedException;
import io.casework.cases.domain.AttachmentFilename;
import io.casework.cases.domain.AttachmentNotFoundException;
import io.casework.cases.domain.AttachmentTooLargeException;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.CaseState;
import io.casework.cases.messaging.event.CaseChanges;
import io.casework.cases.messaging.event.CaseSummary;
import io.casework.cases.persistence.AttachmentRepository;
import io.casework.cases.storage.AttachmentIntegrityException;
import io.casework.cases.storage.AttachmentStorage;
import io.casework.cases.storage.AttachmentStorage.StoredContent;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Files on a case. Whoever may see a case reads all of its files (diagnostic bundles included); adding
 * one follows the rules for changing the case; a case the caller may not see is 404 for its attachments too.
 *
 * <p>Adding is three steps so that no lock or database connection is held while a file of up to
 * 25 MiB is encrypted to storage: check (a short transaction with the same access and state rules as
 * recording), store (no transaction), record (one transaction for the metadata row, the case's
 * updatedAt, the history entry and the outbox event). If recording fails, the stored file is deleted, so
 * metadata never names a missing file and a refused upload leaves nothing behind.
 */
@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);
    /** Enough for Tika's magic-number detection to mark and reset within the buffer. */
    private static final int SNIFF_BUFFER = 64 * 1024;

    private final CaseAccess access;
    private final CaseHistory history;
    private final EventOutbox outbox;
    private final AttachmentRepository attachments;
    private final AttachmentStorage storage;
    private final ContentSniffer sniffer;
    private final AttachmentConfig config;
    private final CaseConfig caseConfig;

    AttachmentService(CaseAccess access, CaseHistory history, EventOutbox outbox, AttachmentRepository attachments,
            AttachmentStorage storage, ContentSniffer sniffer, AttachmentConfig config, CaseConfig caseConfig) {
        this.access = access;
        this.history = history;
        this.outbox = outbox;
        this.attachments = attachments;
        this.storage = storage;
        this.sniffer = sniffer;
        this.config = config;
        this.caseConfig = caseConfig;
    }

    /** An upload as received: the file the HTTP layer wrote it to, and what the client said about it. */
    public record Upload(Path file, long size, String clientFilename, boolean diagnosticBundle, String description) {
    }

    public Attachment add(UUID caseId, Upload upload, Caller caller, Idempotency.Recorder idempotency) {
        // Every rule that recording applies is checked before storing, so a refused upload stores nothing.
        QuarkusTransaction.requiringNew().run(() -> mayAttach(access.forUpdate(caseId, caller, IfMatch.NONE), caller, upload.size()));
        String filename = AttachmentFilename.sanitize(upload.clientFilename());
        String contentType;
        StoredContent stored;
        try (InputStream content = new BufferedInputStream(Files.newInputStream(upload.file()), SNIFF_BUFFER)) {
            contentType = sniffer.detect(content, filename);
            stored = storage.put(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the attachment", e);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Attachment attachment = record(caseId, filename, contentType, stored, upload, caller);
                idempotency.created(caseId, attachment.id.toString());
                return attachment;
            });
        } catch (RuntimeException e) {
            discard(stored, e);
            throw e;
        }
    }

    @Transactional
    public List<Attachment> list(UUID caseId, Caller caller) {
        access.visible(caseId, caller);
        return attachments.ofCase(caseId);
    }

    /** The metadata of one attachment of a case the caller may see, or 404 (also for another case's attachment). */
    @Transactional
    public Attachment get(UUID caseId, UUID attachmentId, Caller caller) {
        access.visible(caseId, caller);
        return attachments.onCase(caseId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(caseId, attachmentId));
    }

    /**
     * Reads the stored content once, end to end, and checks it authenticates and hashes to the recorded
     * SHA-256, so a damaged file is an error response instead of a download that breaks off half-way or
     * (a file swapped on disk) serves the wrong content. The cost is one more read of the file.
     */
    public void verify(Attachment attachment) {
        MessageDigest sha256 = sha256();
        try (InputStream content = new DigestInputStream(storage.open(attachment.storageKey), sha256)) {
            long size = content.transferTo(OutputStream.nullOutputStream());
            String digest = HexFormat.of().formatHex(sha256.digest());
            if (size != attachment.size || !digest.equals(attachment.sha256)) {
                throw new AttachmentIntegrityException("Content has " + size + " bytes with SHA-256 " + digest
                        + ", recorded " + attachment.size + " bytes with " + attachment.sha256);
            }
        } catch (AttachmentIntegrityException | NoSuchFileException e) {
            LOG.errorf("Attachment %s of case %s (storage key %s) is damaged or missing: %s", attachment.id,
                    attachment.caseId, attachment.storageKey, e.getMessage());
            throw new AttachmentCorruptedException(attachment.id, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read attachment " + attachment.id, e);
        }
    }

    /** The plaintext; every segment is authenticated before it is released, so a change since verify() stops the stream. */
    public InputStream content(Attachment attachment) throws IOException {
        return storage.open(attachment.storageKey);
    }

    private Attachment record(UUID caseId, String filename, String contentType, StoredContent stored, Upload upload,
            Caller caller) {
        Case supportCase = access.forUpdate(caseId, caller, IfMatch.NONE);
        // Checked again under the lock: the case may have been closed while the file was being stored.
        mayAttach(supportCase, caller, stored.size());
        Instant now = Instant.now();
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.caseId = caseId;
        attachment.filename = filename;
        attachment.contentType = contentType;
        attachment.size = stored.size();
        attachment.sha256 = stored.sha256();
        attachment.diagnosticBundle = upload.diagnosticBundle();
        attachment.description = upload.description();
        attachment.storageKey = stored.key();
        attachment.uploadedBy = caller.email();
        attachment.createdAt = now;
        attachments.persist(attachment);
        supportCase.updatedAt = now;
        history.record(caseId, now, caller.email(), "ATTACHMENT_ADDED", "attachment", null, filename,
                attachment.description);
        outbox.record(CaseChanges.AttachmentAdded.TYPE, caseId.toString(), new CaseChanges.AttachmentAdded(
                CaseSummary.of(supportCase), attachment.id, filename, contentType, attachment.size, attachment.sha256,
                attachment.diagnosticBundle, attachment.uploadedBy, now));
        return attachment;
    }

    /** Customers reopen a closed case by commenting (seed 002); a file alone does not. Staff may still attach. */
    private void mayAttach(Case supportCase, Caller caller, long size) {
        if (supportCase.state == CaseState.CLOSED && !caller.isStaff()) {
            throw new CaseRuleException(Kind.CONFLICT, "Case closed",
                    "Files cannot be added to a closed case. Comment on it first: within "
                            + caseConfig.reopenWindow().toDays() + " days of closing, a comment reopens the case; "
                            + "after that, file a new case that references this one.",
                    Map.of("commentsPath", "/api/v1/cases/" + supportCase.id + "/comments", "newCasePath", "/api/v1/cases",
                            "relatedCaseId", supportCase.id.toString()));
        }
        long limit = config.maxSize().asLongValue();
        if (size > limit) {
            throw new AttachmentTooLargeException(size, limit);
        }
    }

    private void discard(StoredContent stored, RuntimeException cause) {
        try {
            storage.delete(stored.key());
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.errorf("Attachment content %s was stored but not recorded, and could not be deleted: %s", stored.key(),
                    e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
