package io.casework.cases.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Streaming authenticated encryption of attachment content with the JDK alone: AES-256-GCM over
 * 64 KiB segments, so that files of any size are encrypted and decrypted in constant memory and no
 * plaintext is released before the segment it belongs to has been authenticated.
 *
 * <pre>
 * Format version 1
 *   stored    = header || segment_0 || ... || segment_n         (n >= 0)
 *   header    = "CWA" 0x01 || salt (32 random bytes) || nonce prefix (8 random bytes)          44 bytes
 *   file key  = HKDF-SHA256(ikm = master key, salt = salt, info = "casework attachment v1")    32 bytes
 *   segment_i = AES-256-GCM(file key, nonce = prefix || uint32_be(i),
 *                           aad = uint32_be(i) || final_i || context, plaintext_i)
 *             = ciphertext_i || tag_i (16 bytes)
 * </pre>
 *
 * Every segment holds 64 KiB of plaintext except the last, which holds 1 byte to 64 KiB (0 only for
 * empty content); {@code final_i} is 1 for the last segment and 0 before it. The index and the final
 * flag in the AAD make reordering, dropping, truncating or extending segments fail authentication:
 * a reader treats the segment that ends the file as final, and a segment written as non-final does not
 * verify as final. {@code context} is the storage key, so a file moved or copied under another key
 * fails too. The per-file key (fresh 256-bit salt) means nonces only need to be unique within a file,
 * which the counter guarantees; a random nonce under one long-lived key would not be safe for billions
 * of files.
 */
public final class AttachmentCipher {

    public static final int KEY_BYTES = 32;
    static final int SEGMENT = 64 * 1024;
    static final int TAG = 16;
    static final int HEADER = 4 + 32 + 8;

    private static final byte[] MAGIC = { 'C', 'W', 'A', 1 };
    private static final byte[] INFO = "casework attachment v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT = 32;
    private static final int PREFIX = 8;
    private static final long MAX_SEGMENTS = 0xFFFF_FFFFL;

    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    /** {@code masterKey}: 32 bytes; the array is not kept. */
    public AttachmentCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("An attachment master key has 32 bytes (AES-256)");
        }
        this.masterKey = new SecretKeySpec(masterKey, "HKDF");
    }

    /** Writes the header to {@code sink} and returns the stream to write the plaintext to; call {@code finish()}. */
    public EncryptingOutputStream encrypt(OutputStream sink, String context) throws IOException {
        byte[] header = new byte[HEADER];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        byte[] salt = new byte[SALT];
        byte[] prefix = new byte[PREFIX];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        System.arraycopy(salt, 0, header, MAGIC.length, SALT);
        System.arraycopy(prefix, 0, header, MAGIC.length + SALT, PREFIX);
        sink.write(header);
        return new EncryptingOutputStream(sink, new Segments(fileKey(salt), prefix, context));
    }

    /** Reads the header from {@code source} and returns the authenticated plaintext; closing it closes {@code source}. */
    public InputStream decrypt(InputStream source, String context) throws IOException {
        byte[] header = source.readNBytes(HEADER);
        if (header.length < HEADER) {
            throw new AttachmentIntegrityException("Stored attachment is truncated: incomplete header");
        }
        if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new AttachmentIntegrityException("Stored attachment has an unknown format");
        }
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + SALT);
        byte[] prefix = Arrays.copyOfRange(header, MAGIC.length + SALT, HEADER);
        return new DecryptingInputStream(source, new Segments(fileKey(salt), prefix, context));
    }

    private SecretKey fileKey(byte[] salt) throws IOException {
        try {
            return KDF.getInstance("HKDF-SHA256").deriveKey("AES",
                    HKDFParameterSpec.ofExtract().addIKM(masterKey).addSalt(salt).thenExpand(INFO, KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot derive the attachment key", e);
        }
    }

    /** Nonce and AAD of each segment, and the GCM cipher that seals or opens it. */
    private static final class Segments {

        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] context;
        private final Cipher cipher;
        private long index;

        Segments(SecretKey key, byte[] prefix, String context) throws IOException {
            this.key = key;
            this.prefix = prefix;
            this.context = Objects.requireNonNull(context).getBytes(StandardCharsets.UTF_8);
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM is not available", e);
            }
        }

        /** Seals or opens the next segment: {@code length} bytes of {@code in} into {@code out}; returns the bytes written. */
        int next(int mode, boolean last, byte[] in, int length, byte[] out) throws IOException {
            if (index > MAX_SEGMENTS) {
                throw new IOException("Attachment too large for format version 1");
            }
            byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).array();
            byte[] aad = ByteBuffer.allocate(5 + context.length).putInt((int) index).put((byte) (last ? 1 : 0))
                    .put(context).array();
            try {
                cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
                cipher.updateAAD(aad);
                int written = cipher.doFinal(in, 0, length, out, 0);
                index++;
                return written;
            } catch (AEADBadTagException e) {
                throw new AttachmentIntegrityException("Stored attachment failed authentication at segment " + index
                        + (last ? " (the last one: truncated or extended?)" : ""), e);
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                        + " attachment segment " + index, e);
            }
        }
    }

    /** Buffers one segment; a full segment is sealed only once more data arrives, so the last one is known at finish. */
    public static final class EncryptingOutputStream extends OutputStream {

        private final OutputStream sink;
        private final Segments segments;
        private final byte[] plain = new byte[SEGMENT];
        private final byte[] sealed = new byte[SEGMENT + TAG];
        private int filled;
        private boolean finished;

        private EncryptingOutputStream(OutputStream sink, Segments segments) {
            this.sink = sink;
            this.segments = segments;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (finished) {
                throw new IOException("Attachment stream already finished");
            }
            while (len > 0) {
                if (filled == SEGMENT) {
                    seal(false);
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, plain, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** Seals the last segment; the sink stays open (e.g. to be forced to disk). */
        public void finish() throws IOException {
            if (!finished) {
                seal(true);
                finished = true;
                sink.flush();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                finish();
            } finally {
                Arrays.fill(plain, (byte) 0);
                sink.close();
            }
        }

        private void seal(boolean last) throws IOException {
            int n = segments.next(Cipher.ENCRYPT_MODE, last, plain, filled, sealed);
            sink.write(sealed, 0, n);
            filled = 0;
        }
    }

    /** Reads one sealed segment ahead by a byte to know whether it is the last one, then releases it once verified. */
    private static final class DecryptingInputStream extends InputStream {

        private final InputStream source;
        private final Segments segments;
        private final byte[] sealed = new byte[SEGMENT + TAG + 1];
        private final byte[] plain = new byte[SEGMENT];
        private int carried;
        private int position;
        private int limit;
        private boolean lastRead;

        DecryptingInputStream(InputStream source, Segments segments) {
            this.source = source;
            this.segments = segments;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (position == limit) {
                if (lastRead) {
                    return -1;
                }
                open();
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void open() throws IOException {
            int n = carried + source.readNBytes(sealed, carried, sealed.length - carried);
            boolean last = n <= SEGMENT + TAG;
            int length = last ? n : SEGMENT + TAG;
            if (length < TAG) {
                throw new AttachmentIntegrityException("Stored attachment is truncated: incomplete segment");
            }
            limit = segments.next(Cipher.DECRYPT_MODE, last, sealed, length, plain);
            position = 0;
            lastRead = last;
            if (!last) {
                sealed[0] = sealed[SEGMENT + TAG];
                carried = 1;
            }
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(plain, (byte) 0);
            source.close();
        }
    }
}
