package io.casework.cases.config;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.attachments")
public interface AttachmentConfig {

    /** Largest file accepted; bigger uploads are refused with 413 and nothing is stored. */
    @WithDefault("25M")
    MemorySize maxSize();

    /** Where {@code EncryptedFileStorage} keeps the encrypted files (env ATTACHMENTS_DIR). */
    Path directory();

    /**
     * Base64 of the 32-byte AES-256 master key (env ATTACHMENTS_KEY). Optional here so that a missing key
     * fails startup with a message saying what to set, not a generic missing-property error.
     */
    Optional<String> encryptionKey();
}
