package io.casework.cases.service;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.Tika;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The media type of content, judged from its bytes with Apache Tika (magic numbers first; the file name
 * only refines a generic result). What a client declares is never trusted: a text file named
 * {@code evil.png} is {@code text/plain}.
 */
@ApplicationScoped
public class ContentSniffer {

    // Building Tika loads the MIME type registry once; detect() is thread-safe.
    private final Tika tika = new Tika();

    /** {@code content} must support mark/reset; it is reset to where it was, ready to be stored. */
    public String detect(InputStream content, String filename) throws IOException {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("Sniffing needs a stream that supports mark/reset");
        }
        return tika.detect(content, filename);
    }
}
