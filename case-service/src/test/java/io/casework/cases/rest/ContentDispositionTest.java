package io.casework.cases.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void asciiNameIsSentPlainAndEncoded() {
        assertEquals("attachment; filename=\"mail-server.log\"; filename*=UTF-8''mail-server.log",
                ContentDisposition.attachment("mail-server.log"));
    }

    @Test
    void nonAsciiNameIsPercentEncodedAsUtf8WithAnAsciiFallback() {
        assertEquals("attachment; filename=\"r_sum_ 2026.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202026.pdf",
                ContentDisposition.attachment("r\u00e9sum\u00e9 2026.pdf"));
        assertEquals("%E6%97%A5%F0%9F%98%80", ContentDisposition.percentEncode("\u65e5\uD83D\uDE00"));
    }

    @Test
    void characterOutsideAttrCharIsEncodedSoTheHeaderCannotBeBroken() {
        assertEquals("a%3Bb%2Cc%27d%25e%22%5C", ContentDisposition.percentEncode("a;b,c'd%e\"\\"));
        assertEquals("x_y_", ContentDisposition.asciiFallback("x\"y\\"));
        assertEquals("!#$&+-.^_`|~", ContentDisposition.percentEncode("!#$&+-.^_`|~"));
    }
}
