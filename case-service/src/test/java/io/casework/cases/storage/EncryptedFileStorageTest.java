package io.casework.cases.storage;

import static io.casework.cases.storage.AttachmentCipher.HEADER;
import static io.casework.cases.storage.AttachmentCipher.SEGMENT;
import static io.casework.cases.storage.AttachmentCipher.TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casework.cases.storage.AttachmentStorage.StoredContent;

class EncryptedFileStorageTest {

    private static final byte[] KEY = bytes(32, 1);

    @TempDir
    Path directory;

    private EncryptedFileStorage storage;

    @BeforeEach
    void createStorage() {
        storage = new EncryptedFileStorage(directory, new AttachmentCipher(KEY));
    }

    @Test
    void multiSegmentFileRoundTripsWithItsSha256AndSize() throws Exception {
        byte[] plaintext = bytes(200_000, 2);

        StoredContent stored = storage.put(new ByteArrayInputStream(plaintext));

        assertEquals(200_000, stored.size());
        assertEquals(sha256(plaintext), stored.sha256());
        assertArrayEquals(plaintext, read(stored.key()));
        int segments = (200_000 + SEGMENT - 1) / SEGMENT;
        assertEquals(HEADER + 200_000 + (long) segments * TAG, Files.size(storage.pathOf(stored.key())));
    }

    @Test
    void sizesAtSegmentBoundariesRoundTrip() throws Exception {
        for (int size : List.of(1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT)) {
            byte[] plaintext = bytes(size, size);
            StoredContent stored = storage.put(new ByteArrayInputStream(plaintext));
            assertArrayEquals(plaintext, read(stored.key()), "size " + size);
            assertEquals(HEADER + size + (long) ((size + SEGMENT - 1) / SEGMENT) * TAG,
                    Files.size(storage.pathOf(stored.key())), "no empty trailing segment at size " + size);
        }
    }

    @Test
    void emptyFileRoundTrips() throws Exception {
        StoredContent stored = storage.put(InputStream.nullInputStream());

        assertEquals(0, stored.size());
        assertEquals(sha256(new byte[0]), stored.sha256());
        assertArrayEquals(new byte[0], read(stored.key()));
        assertEquals(HEADER + TAG, Files.size(storage.pathOf(stored.key())));
    }

    @Test
    void plaintextNeverReachesTheDisk() throws Exception {
        byte[] plaintext = "Confidential mail server log line. ".repeat(3_000).getBytes(StandardCharsets.UTF_8);

        StoredContent stored = storage.put(new ByteArrayInputStream(plaintext));

        byte[] onDisk = Files.readAllBytes(storage.pathOf(stored.key()));
        assertFalse(contains(onDisk, "Confidential".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(plaintext, read(stored.key()));
    }

    @Test
    void droppingTheLastSegmentIsDetected() throws Exception {
        StoredContent stored = storage.put(new ByteArrayInputStream(bytes(200_000, 3)));
        Path file = storage.pathOf(stored.key());

        truncate(file, HEADER + 3L * (SEGMENT + TAG));

        assertThrows(AttachmentIntegrityException.class, () -> read(stored.key()));
    }

    @Test
    void truncationInsideASegmentOrHeaderIsDetected() throws Exception {
        for (long length : List.of((long) HEADER + SEGMENT + TAG + 100, (long) HEADER + 10, (long) HEADER, 20L)) {
            StoredContent stored = storage.put(new ByteArrayInputStream(bytes(200_000, 4)));
            truncate(storage.pathOf(stored.key()), length);
            assertThrows(AttachmentIntegrityException.class, () -> read(stored.key()), "truncated to " + length);
        }
    }

    @Test
    void truncatingAnEmptyFileToItsHeaderIsDetected() throws Exception {
        StoredContent stored = storage.put(InputStream.nullInputStream());

        truncate(storage.pathOf(stored.key()), HEADER);

        assertThrows(AttachmentIntegrityException.class, () -> read(stored.key()));
    }

    @Test
    void appendedDataIsDetected() throws Exception {
        StoredContent stored = storage.put(new ByteArrayInputStream(bytes(SEGMENT, 5)));
        Path file = storage.pathOf(stored.key());
        byte[] original = Files.readAllBytes(file);
        byte[] extended = Arrays.copyOf(original, original.length + SEGMENT + TAG);
        Files.write(file, extended);

        assertThrows(AttachmentIntegrityException.class, () -> read(stored.key()));
    }

    @Test
    void reorderedSegmentsAreDetected() throws Exception {
        StoredContent stored = storage.put(new ByteArrayInputStream(bytes(3 * SEGMENT, 6)));
        Path file = storage.pathOf(stored.key());
        byte[] data = Files.readAllBytes(file);
        int first = HEADER;
        int second = HEADER + SEGMENT + TAG;
        byte[] segment0 = Arrays.copyOfRange(data, first, second);
        System.arraycopy(data, second, data, first, SEGMENT + TAG);
        System.arraycopy(segment0, 0, data, second, SEGMENT + TAG);
        Files.write(file, data);

        assertThrows(AttachmentIntegrityException.class, () -> read(stored.key()));
    }

    @Test
    void aFlippedBitFailsTheReadAndOnlyAuthenticBytesAreReleasedBeforeIt() throws Exception {
        byte[] plaintext = bytes(200_000, 7);
        StoredContent stored = storage.put(new ByteArrayInputStream(plaintext));
        Path file = storage.pathOf(stored.key());
        byte[] data = Files.readAllBytes(file);
        data[HEADER + 2 * (SEGMENT + TAG) + 1234] ^= 0x01;
        Files.write(file, data);

        ByteArrayOutputStream released = new ByteArrayOutputStream();
        try (InputStream in = storage.open(stored.key())) {
            assertThrows(AttachmentIntegrityException.class, () -> in.transferTo(released));
        }
        assertEquals(2 * SEGMENT, released.size(), "the two intact segments, nothing of the damaged one");
        assertArrayEquals(Arrays.copyOf(plaintext, 2 * SEGMENT), released.toByteArray());
    }

    @Test
    void aFileCopiedUnderAnotherKeyIsRejected() throws Exception {
        StoredContent first = storage.put(new ByteArrayInputStream(bytes(1_000, 8)));
        StoredContent second = storage.put(new ByteArrayInputStream(bytes(1_000, 9)));

        Files.copy(storage.pathOf(first.key()), storage.pathOf(second.key()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThrows(AttachmentIntegrityException.class, () -> read(second.key()));
    }

    @Test
    void anotherMasterKeyCannotRead() throws Exception {
        StoredContent stored = storage.put(new ByteArrayInputStream(bytes(1_000, 10)));

        EncryptedFileStorage other = new EncryptedFileStorage(directory, new AttachmentCipher(bytes(32, 11)));

        assertThrows(AttachmentIntegrityException.class, () -> other.open(stored.key()).readAllBytes());
    }

    @Test
    void aFailedPutLeavesNoFileBehind() throws IOException {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 100_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThrows(IOException.class, () -> storage.put(failing));

        assertEquals(List.of(), regularFiles());
    }

    @Test
    void deleteRemovesTheFileAndToleratesAMissingOne() throws Exception {
        StoredContent stored = storage.put(new ByteArrayInputStream(bytes(10, 12)));

        storage.delete(stored.key());
        storage.delete(stored.key());

        assertEquals(List.of(), regularFiles());
    }

    @Test
    void keysThatAreNotOursCannotReachOutsideTheDirectory() {
        assertThrows(IllegalArgumentException.class, () -> storage.open("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> storage.delete("/etc/passwd"));
    }

    @Test
    void aMissingOrMalformedMasterKeyStopsStartupWithAMessageSayingWhatToSet() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> EncryptedFileStorage.cipher(Optional.empty()));
        assertTrue(missing.getMessage().contains("ATTACHMENTS_KEY"), missing.getMessage());
        assertTrue(missing.getMessage().contains("openssl rand -base64 32"), missing.getMessage());

        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> EncryptedFileStorage.cipher(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))));
        assertTrue(tooShort.getMessage().contains("32 bytes"), tooShort.getMessage());

        assertThrows(IllegalStateException.class, () -> EncryptedFileStorage.cipher(Optional.of("not base64!")));
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = storage.open(key)) {
            return in.readAllBytes();
        }
    }

    private List<Path> regularFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
