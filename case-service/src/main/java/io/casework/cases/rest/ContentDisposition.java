package io.casework.cases.rest;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a download (RFC 6266): an ASCII {@code filename} for old
 * clients and the exact name as {@code filename*=UTF-8''...} (RFC 8187, formerly 5987), which clients
 * that understand it prefer.
 */
final class ContentDisposition {

    /** RFC 8187 attr-char besides letters and digits. */
    private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String filename) {
        return "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + percentEncode(filename);
    }

    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** Printable ASCII only, without the quote and backslash that would end or escape the quoted string. */
    static String asciiFallback(String value) {
        StringBuilder ascii = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return ascii.toString();
    }
}
