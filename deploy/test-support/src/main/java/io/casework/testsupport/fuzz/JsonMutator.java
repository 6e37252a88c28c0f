package io.casework.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Mutation fuzzing of a JSON request body: starts from a plausible instance of the operation's schema and breaks
 * it once — at the JSON level (a field replaced by hostile text or a value of the wrong type, removed, nulled,
 * unknown fields, a root of the wrong type) or at the byte level (truncated, invalid UTF-8, NUL bytes, a byte-order
 * mark, 100,000 levels of nesting, empty). Each result says what was done, so that a failure can be reproduced.
 */
public final class JsonMutator {

    /** A request body with its content type and a description of the mutation. */
    public record Body(byte[] bytes, String contentType, String mutation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    enum Kind {
        HOSTILE_TEXT, WRONG_TYPE, REMOVE_FIELD, NULL_FIELD, UNKNOWN_FIELD, HOSTILE_EVERYWHERE, ROOT_OF_WRONG_TYPE,
        TRUNCATED, INVALID_UTF8, NUL_BYTES, BYTE_ORDER_MARK, DEEP_NESTING, EMPTY, DUPLICATE_KEY, NOT_JSON,
        WRONG_CONTENT_TYPE, UNCHANGED
    }

    private final Generated gen;

    public JsonMutator(Generated gen) {
        this.gen = gen;
    }

    private static Arbitrary<Kind> kinds() {
        return Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, Kind.HOSTILE_TEXT), net.jqwik.api.Tuple.of(8, Kind.WRONG_TYPE),
                net.jqwik.api.Tuple.of(3, Kind.REMOVE_FIELD), net.jqwik.api.Tuple.of(3, Kind.NULL_FIELD),
                net.jqwik.api.Tuple.of(2, Kind.UNKNOWN_FIELD), net.jqwik.api.Tuple.of(3, Kind.HOSTILE_EVERYWHERE),
                net.jqwik.api.Tuple.of(2, Kind.ROOT_OF_WRONG_TYPE), net.jqwik.api.Tuple.of(2, Kind.TRUNCATED),
                net.jqwik.api.Tuple.of(2, Kind.INVALID_UTF8), net.jqwik.api.Tuple.of(1, Kind.NUL_BYTES),
                net.jqwik.api.Tuple.of(1, Kind.BYTE_ORDER_MARK), net.jqwik.api.Tuple.of(1, Kind.DEEP_NESTING),
                net.jqwik.api.Tuple.of(1, Kind.EMPTY), net.jqwik.api.Tuple.of(1, Kind.DUPLICATE_KEY),
                net.jqwik.api.Tuple.of(1, Kind.NOT_JSON), net.jqwik.api.Tuple.of(1, Kind.WRONG_CONTENT_TYPE),
                net.jqwik.api.Tuple.of(1, Kind.UNCHANGED));
    }

    /** One mutation of {@code valid}, sent as {@code contentType}. */
    public Body mutate(JsonNode valid, String contentType) {
        Kind kind = gen.draw(kinds());
        JsonNode doc = valid.deepCopy();
        switch (kind) {
            case HOSTILE_TEXT, WRONG_TYPE, REMOVE_FIELD, NULL_FIELD -> {
                List<String> pointers = leaves(doc, "");
                if (pointers.isEmpty()) {
                    return json(gen.draw(HostileInput.jsonValues()), contentType, kind + " (no fields: root)");
                }
                String pointer = gen.draw(Arbitraries.of(pointers));
                JsonNode replacement = switch (kind) {
                    case HOSTILE_TEXT -> F.textNode(gen.draw(HostileInput.strings()));
                    case WRONG_TYPE -> gen.draw(HostileInput.jsonValues());
                    case NULL_FIELD -> F.nullNode();
                    default -> null;
                };
                return json(replace(doc, pointer, replacement), contentType, kind + " at " + pointer + describe(replacement));
            }
            case UNKNOWN_FIELD -> {
                if (doc instanceof ObjectNode object) {
                    object.set(gen.draw(Arbitraries.of("__proto__", "id", "createdAt", "organization", "role", "admin",
                            "$where", "constructor", "unknownField")), gen.draw(HostileInput.jsonValues()));
                }
                return json(doc, contentType, kind.toString());
            }
            case HOSTILE_EVERYWHERE -> {
                for (String pointer : leaves(doc, "")) {
                    doc = replace(doc, pointer, F.textNode(gen.draw(Arbitraries.of(HostileInput.CATALOGUE))));
                }
                return json(doc, contentType, kind.toString());
            }
            case ROOT_OF_WRONG_TYPE -> {
                JsonNode root = gen.draw(Arbitraries.<JsonNode>of(F.arrayNode().add(valid), F.textNode("x"),
                        F.numberNode(42), F.nullNode(), F.booleanNode(false)));
                return json(root, contentType, kind + describe(root));
            }
            case TRUNCATED -> {
                byte[] bytes = bytes(doc);
                int cut = bytes.length <= 1 ? 0 : gen.random().nextInt(bytes.length - 1) + 1;
                return new Body(java.util.Arrays.copyOf(bytes, cut), contentType, kind + " at byte " + cut);
            }
            case INVALID_UTF8 -> {
                String text = new String(bytes(withText(doc, "MARK")), StandardCharsets.UTF_8);
                byte[] bad = gen.draw(Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
                        new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8, (byte) 0x88,
                                (byte) 0x80, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
                        new byte[] { (byte) 0xE2, (byte) 0x82 }));
                return new Body(splice(text, "MARK", bad), contentType, kind.toString());
            }
            case NUL_BYTES -> {
                byte[] bytes = bytes(doc);
                int at = gen.random().nextInt(bytes.length + 1);
                byte[] out = new byte[bytes.length + 3];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bytes, at, out, at + 3, bytes.length - at);
                return new Body(out, contentType, kind + " at byte " + at);
            }
            case BYTE_ORDER_MARK -> {
                byte[] bytes = bytes(doc);
                byte[] out = new byte[bytes.length + 3];
                out[0] = (byte) 0xEF;
                out[1] = (byte) 0xBB;
                out[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, out, 3, bytes.length);
                return new Body(out, contentType, kind.toString());
            }
            case DEEP_NESTING -> {
                int depth = gen.draw(Arbitraries.of(2_000, 100_000));
                String body = gen.random().nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return new Body(body.getBytes(StandardCharsets.US_ASCII), contentType, kind + " " + depth);
            }
            case EMPTY -> {
                return new Body(new byte[0], contentType, "zero-byte body");
            }
            case DUPLICATE_KEY -> {
                String text = new String(bytes(doc), StandardCharsets.UTF_8);
                String dup = text.startsWith("{") && text.length() > 2 && doc.properties().iterator().hasNext()
                        ? "{\"" + doc.properties().iterator().next().getKey() + "\":\"<dup>\"," + text.substring(1) : text;
                return new Body(dup.getBytes(StandardCharsets.UTF_8), contentType, kind.toString());
            }
            case NOT_JSON -> {
                String body = gen.draw(Arbitraries.of("<xml/>", "key=value&x=1", "{'single': 'quotes'}",
                        "{\"a\":1,}", "{\"a\":01}", "{\"a\":NaN}", "[1,2", "\"unterminated", "{\"a\" 1}", "// comment\n{}"));
                return new Body(body.getBytes(StandardCharsets.UTF_8), contentType, kind + " " + body);
            }
            case WRONG_CONTENT_TYPE -> {
                String type = gen.draw(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=bogus",
                        "*/*", "garbage", ""));
                return new Body(bytes(doc), type, kind + " " + type);
            }
            default -> {
                return json(doc, contentType, "unchanged");
            }
        }
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "";
        }
        String text = node.toString();
        return " = " + (text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text);
    }

    private static Body json(JsonNode doc, String contentType, String mutation) {
        return new Body(bytes(doc), contentType, mutation);
    }

    static byte[] bytes(JsonNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] splice(String text, String marker, byte[] insert) {
        int at = text.indexOf(marker);
        if (at < 0) {
            byte[] base = text.getBytes(StandardCharsets.UTF_8);
            byte[] out = java.util.Arrays.copyOf(base, base.length + insert.length);
            System.arraycopy(insert, 0, out, base.length, insert.length);
            return out;
        }
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + insert.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(insert, 0, out, head.length, insert.length);
        System.arraycopy(tail, 0, out, head.length + insert.length, tail.length);
        return out;
    }

    /** The document with its first text leaf (or a new field) set to {@code text}. */
    private JsonNode withText(JsonNode doc, String text) {
        for (String pointer : leaves(doc, "")) {
            if (doc.at(pointer).isTextual()) {
                return replace(doc, pointer, F.textNode(text));
            }
        }
        if (doc instanceof ObjectNode object) {
            object.put("text", text);
            return object;
        }
        return F.textNode(text);
    }

    /** JSON pointers to every value under {@code node}. */
    static List<String> leaves(JsonNode node, String prefix) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String pointer = prefix + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                pointers.addAll(leaves(e.getValue(), pointer));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.add(prefix + "/" + i);
                pointers.addAll(leaves(node.get(i), prefix + "/" + i));
            }
        }
        return pointers;
    }

    /** {@code doc} with the value at {@code pointer} replaced, or removed when {@code value} is null. */
    static JsonNode replace(JsonNode doc, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = pointer.substring(0, slash).isEmpty() ? doc : doc.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
        return doc;
    }

    /** The random source shared by one fuzzing run. */
    public interface Generated {
        <T> T draw(Arbitrary<T> arbitrary);

        Random random();
    }
}
