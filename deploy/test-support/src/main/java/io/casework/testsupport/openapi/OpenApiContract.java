package io.casework.testsupport.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of docs/openapi/README.md that a linter does not check, over one service's OpenAPI document (JSON):
 * every operation has an operationId; every answer with a body names its schema (a component, or an array of one),
 * never {@code schema: {}} or no schema; every 4xx/5xx answer is problem+json with the shared Problem schema (and at
 * most a text/html page besides, for links opened from mails);
 * public operations say {@code security: []}.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** Answers without a body by definition. */
    private static final Set<String> BODILESS = Set.of("202", "204", "304");

    private OpenApiContract() {
    }

    /** Every breach of the rules, as "METHOD path: what"; empty when the document keeps them. */
    public static List<String> breaches(JsonNode document) {
        List<String> breaches = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + ": ";
                JsonNode operation = entry.getValue();
                if (operation.path("operationId").asText("").isBlank()) {
                    breaches.add(where + "no operationId");
                }
                if (!operation.has("security")) {
                    breaches.add(where + "no security (public operations say security: [])");
                }
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    String code = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        String ref = content.path("application/problem+json").path("schema").path("$ref").asText("");
                        // Beside it, only a page for browsers (a link opened from a mail) may be declared.
                        boolean others = content.properties().stream().map(Map.Entry::getKey)
                                .allMatch(m -> m.equals("application/problem+json") || m.equals("text/html")
                                        && content.path(m).path("schema").path("type").asText().equals("string"));
                        if (!ref.equals("#/components/schemas/Problem") || !others) {
                            breaches.add(where + code + " is not application/problem+json with the Problem schema");
                        }
                    } else if (code.startsWith("2") && !BODILESS.contains(code)) {
                        if (content.isEmpty()) {
                            breaches.add(where + code + " declares no body");
                        }
                        for (Map.Entry<String, JsonNode> media : content.properties()) {
                            if (!named(media.getKey(), media.getValue().path("schema"))) {
                                breaches.add(where + code + " " + media.getKey() + " has no named schema: "
                                        + media.getValue().path("schema"));
                            }
                        }
                    }
                }
            }
        }
        return breaches;
    }

    private static boolean named(String mediaType, JsonNode schema) {
        if (schema.has("$ref")) {
            return true;
        }
        if (schema.path("type").asText().equals("array") && schema.path("items").has("$ref")) {
            return true;
        }
        // Files, feeds and pages are text or bytes, not JSON: a string schema names them.
        boolean json = mediaType.contains("json");
        return !json && schema.path("type").asText().equals("string");
    }
}
