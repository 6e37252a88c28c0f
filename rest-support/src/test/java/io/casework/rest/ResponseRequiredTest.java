package io.casework.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code required} of answer schemas follows what Jackson sends, read from the classes' annotations. */
class ResponseRequiredTest {

    public record Plain(String id, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String note,
            int count) {
    }

    public record Partly(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String summary,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
            @JsonInclude(JsonInclude.Include.NON_NULL) int seq, @JsonProperty("renamed") @JsonInclude(JsonInclude.Include.NON_NULL) String original) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sparse(String a, String b, boolean flag) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snake(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String mostRecentUpdate) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Sent")
    public record Named(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** Two classes named Entry: the document calls the second Entry1; each is found by its properties. */
    public static final class First {
        public record Entry(String x, @JsonInclude(JsonInclude.Include.NON_NULL) String y) {
        }
    }

    public static final class Second {
        public record Entry(String p, String q) {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BothWays(String a, String b) {
    }

    public record Alike(String same, @JsonInclude(JsonInclude.Include.NON_NULL) String other) {
    }

    public static final class AlsoAlike {
        public record Alike(String same, String other) {
        }
    }

    @Test
    void everyPropertyIsRequiredButThoseJacksonLeavesOut() throws IOException {
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put("Plain", object("id", "note", "count"));
        schemas.put("Partly", object("id", "summary", "tags", "seq", "renamed"));
        schemas.put("Sparse", object("a", "b", "flag"));
        schemas.put("Snake", object("id", "most_recent_update"));
        schemas.put("Sent", object("id", "note"));
        schemas.put("Entry", object("p", "q"));
        schemas.put("Entry1", object("x", "y"));
        schemas.put("BothWays", object("a", "b"));
        schemas.put("Request", object("a").addProperty("both", ref("BothWays")));
        schemas.put("Wrapper", object("plain", "items").addProperty("plain", ref("Plain"))
                .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref("Partly"))));
        OpenAPI api = api(schemas, List.of("Wrapper", "Sparse", "Snake", "Sent", "Entry", "Entry1", "BothWays"), "Request");

        ResponseRequired.apply(api, schemas, Index.of(Plain.class, Partly.class, Sparse.class, Snake.class, Named.class,
                First.Entry.class, Second.Entry.class, BothWays.class));

        assertEquals(List.of("plain", "items"), schemas.get("Wrapper").getRequired());
        assertEquals(List.of("id", "note", "count"), schemas.get("Plain").getRequired());
        assertEquals(List.of("id", "seq"), schemas.get("Partly").getRequired(), "a primitive is sent even under NON_NULL");
        assertEquals(List.of("flag"), schemas.get("Sparse").getRequired());
        assertEquals(List.of("id"), schemas.get("Snake").getRequired());
        assertEquals(List.of("id"), schemas.get("Sent").getRequired());
        assertEquals(List.of("p", "q"), schemas.get("Entry").getRequired());
        assertEquals(List.of("x"), schemas.get("Entry1").getRequired());
        assertNull(schemas.get("BothWays").getRequired(), "a schema of request bodies too keeps its own declaration");
        assertNull(schemas.get("Request").getRequired());
    }

    @Test
    void aRequiredDeclarationThatJacksonBreaksFailsTheBuild() {
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put("Partly", object("id", "summary", "tags", "seq", "renamed").addRequired("summary"));
        OpenAPI api = api(schemas, List.of("Partly"), null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ResponseRequired.apply(api, schemas, Index.of(Partly.class)));
        assertTrue(refused.getMessage().contains("'summary'"), refused.getMessage());
    }

    @Test
    void aClassThatCannotBeToldApartFailsTheBuild() throws IOException {
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put("Alike", object("same", "other"));
        schemas.put("Alike1", object("same", "other"));
        OpenAPI api = api(schemas, List.of("Alike", "Alike1"), null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ResponseRequired.apply(api, schemas, Index.of(Alike.class, AlsoAlike.Alike.class)));
        assertTrue(refused.getMessage().contains("@Schema(name)"), refused.getMessage());
    }

    private static Schema object(String... properties) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT);
        for (String property : properties) {
            schema.addProperty(property, OASFactory.createSchema().addType(SchemaType.STRING));
        }
        return schema;
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    /** GET /n answers each of {@code answered}; POST /request takes {@code requested} (and answers nothing). */
    private static OpenAPI api(Map<String, Schema> schemas, List<String> answered, String requested) {
        var paths = OASFactory.createPaths();
        for (String name : answered) {
            paths.addPathItem("/" + name, OASFactory.createPathItem().GET(OASFactory.createOperation()
                    .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                            .content(OASFactory.createContent().addMediaType("application/json",
                                    OASFactory.createMediaType().schema(ref(name))))))));
        }
        if (requested != null) {
            paths.addPathItem("/request", OASFactory.createPathItem().POST(OASFactory.createOperation()
                    .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType().schema(ref(requested)))))
                    .responses(OASFactory.createAPIResponses().addAPIResponse("204", OASFactory.createAPIResponse()))));
        }
        return OASFactory.createOpenAPI().paths(paths).components(OASFactory.createComponents().schemas(schemas));
    }
}
