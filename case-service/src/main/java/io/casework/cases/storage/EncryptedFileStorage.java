package io.casework.cases.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.casework.cases.config.AttachmentConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Attachments as files under {@code casework.attachments.directory}, encrypted with {@link AttachmentCipher}.
 * A file is written to {@code .incoming/}, forced to disk, then atomically moved to
 * {@code <first two characters of the key>/<key>}, so a reader never sees a half-written file.
 * Created at startup so that a missing key or an unusable directory stops the service at once.
 */
@ApplicationScoped
@DefaultBean
@Startup
public class EncryptedFileStorage implements AttachmentStorage {

    private static final Logger LOG = Logger.getLogger(EncryptedFileStorage.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String INCOMING = ".incoming";
    /** Older partial files are left over from a crash; younger ones may be another instance's upload in progress. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path root;
    private final Path incoming;
    private final AttachmentCipher cipher;

    @Inject
    EncryptedFileStorage(AttachmentConfig config) {
        this(config.directory(), cipher(config.encryptionKey()));
    }

    public EncryptedFileStorage(Path root, AttachmentCipher cipher) {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve(INCOMING);
        this.cipher = cipher;
        try {
            createPrivateDirectories(incoming);
            if (!Files.isWritable(this.root) || !Files.isWritable(incoming)) {
                throw new IOException("not writable");
            }
        } catch (IOException e) {
            throw new IllegalStateException("casework.attachments.directory (env ATTACHMENTS_DIR) " + this.root
                    + " cannot be created or written by this process: " + e.getMessage(), e);
        }
        removeAbandonedUploads();
    }

    /** The cipher for the configured master key, or a startup failure that says what to configure. */
    static AttachmentCipher cipher(Optional<String> base64Key) {
        String value = base64Key.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "casework.attachments.encryption-key is not set. Attachments are encrypted at rest with AES-256-GCM: "
                        + "set the environment variable ATTACHMENTS_KEY to the base64 of 32 random bytes "
                        + "(openssl rand -base64 32) and keep it safe; stored attachments cannot be read without it."));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("casework.attachments.encryption-key (env ATTACHMENTS_KEY) is not valid base64");
        }
        try {
            if (key.length != AttachmentCipher.KEY_BYTES) {
                throw new IllegalStateException("casework.attachments.encryption-key (env ATTACHMENTS_KEY) must decode to "
                        + AttachmentCipher.KEY_BYTES + " bytes for AES-256, not " + key.length
                        + " (openssl rand -base64 32 makes one)");
            }
            return new AttachmentCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public StoredContent put(InputStream content) throws IOException {
        String key = UUID.randomUUID().toString();
        Path partial = Files.createTempFile(incoming, key, ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                    AttachmentCipher.EncryptingOutputStream sealed = cipher.encrypt(Channels.newOutputStream(channel), key)) {
                size = new DigestInputStream(content, sha256).transferTo(sealed);
                sealed.finish();
                channel.force(true);
            }
            Path target = pathOf(key);
            createPrivateDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredContent(key, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        InputStream file = Files.newInputStream(pathOf(key));
        try {
            return cipher.decrypt(file, key);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    /** Where the file for {@code key} lives; only keys this storage made are accepted, so no path can escape the root. */
    public Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an attachment storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    public Path root() {
        return root;
    }

    private void removeAbandonedUploads() {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.list(incoming)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                    LOG.infof("Removed abandoned partial attachment %s", f.getFileName());
                } catch (IOException e) {
                    LOG.warnf("Cannot remove abandoned partial attachment %s: %s", f, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Cannot list %s: %s", incoming, e.getMessage());
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(directory, ownerOnly);
        } else {
            Files.createDirectories(directory);
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
