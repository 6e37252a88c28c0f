package io.casework.cases.domain;

import static io.casework.cases.domain.AttachmentFilename.sanitize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentFilenameTest {

    @Test
    void pathsAreStrippedToTheFileName() {
        assertEquals("passwd", sanitize("../../etc/passwd"));
        assertEquals("system.ini", sanitize("..\\..\\windows\\system.ini"));
        assertEquals("report.pdf", sanitize("/home/alice/report.pdf"));
        assertEquals("C_evil.txt", sanitize("C:evil.txt"));
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRemoved() {
        assertEquals("report.pdf", sanitize("rep\u0000ort.pdf\r\n"));
        assertEquals("tab.txt", sanitize("t\ta\u007Fb.txt"));
        // A right-to-left override would display "invoice\u202Efdp.exe" as "invoiceexe.pdf".
        assertEquals("invoicefdp.exe", sanitize("invoice\u202Efdp.exe"));
        assertEquals("zero-width.txt", sanitize("zero\u200B-width.txt"));
    }

    @Test
    void reservedCharactersAreReplaced() {
        assertEquals("what___ now_.txt", sanitize("what<>| now?.txt"));
        assertEquals("_quoted_ _star_.log", sanitize("\"quoted\" *star*.log"));
    }

    @Test
    void emptyOrMeaninglessNamesBecomeAttachment() {
        assertEquals("attachment", sanitize(null));
        assertEquals("attachment", sanitize(""));
        assertEquals("attachment", sanitize("   "));
        assertEquals("attachment", sanitize(".."));
        assertEquals("attachment", sanitize("../"));
        assertEquals("attachment", sanitize("\u0001\u0002"));
    }

    @Test
    void trailingDotsAndBlanksAndWindowsDeviceNamesAreDefused() {
        assertEquals("notes.txt", sanitize("  notes.txt. . "));
        assertEquals("_CON.txt", sanitize("CON.txt"));
        assertEquals("_nul", sanitize("nul"));
        assertEquals("console.txt", sanitize("console.txt"));
    }

    @Test
    void unicodeNamesAreKeptInComposedForm() {
        assertEquals("r\u00e9sum\u00e9 \u65e5\u672c.pdf", sanitize("re\u0301sume\u0301 \u65e5\u672c.pdf"));
    }

    @Test
    void veryLongNamesAreShortenedTo255CharactersKeepingTheExtension() {
        String shortened = sanitize("x".repeat(1000) + ".tar.gz");
        assertEquals(255, shortened.length());
        assertTrue(shortened.endsWith("x.gz"), shortened);

        String emoji = sanitize("\uD83D\uDE00".repeat(300) + ".txt");
        assertEquals(255, emoji.codePointCount(0, emoji.length()));
        assertTrue(emoji.endsWith("\uD83D\uDE00.txt"), "no surrogate pair is split");

        String hugeExtension = sanitize("a." + "b".repeat(400));
        assertEquals(255, hugeExtension.length());
        assertTrue(hugeExtension.startsWith("a.bbb"));

        assertEquals("y".repeat(255), sanitize("y".repeat(255)));
    }
}
