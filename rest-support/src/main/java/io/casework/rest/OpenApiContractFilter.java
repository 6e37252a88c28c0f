package io.casework.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.jboss.jandex.IndexView;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every service's OpenAPI document says alike, so that the documents are one contract that client generators,
 * linters and the response validator of the tests read the same way:
 * <ul>
 * <li>one {@code Problem} schema (RFC 9457 with the extension members the services send) as the
 * {@code application/problem+json} body of every 4xx/5xx answer (an operation for browsers may declare a
 * {@code text/html} page besides);</li>
 * <li>the error answers that every operation of a kind can give, from what rest-support and Quarkus do for all of
 * them: 400 (bad input, NUL in the URL), 401/403 on secured operations, 404 where the path names a resource,
 * 412 with If-Match (428 where it is required), 415 with a body, 503 when the database cannot be had;</li>
 * <li>{@code security: []} on public operations, so that a reader (and a linter) sees they are public on purpose;</li>
 * <li>one relative server (the document's own origin: the service, or the gateway that routes to it);</li>
 * <li>no component for plain scalars (Instant, UUID, LocalDate...): they are inlined as {@code type}+{@code format},
 * which is also the only way OpenAPI 3.0 lets a referenced value be {@code nullable}.</li>
 * <li>{@code required} on every schema that answers carry: each property the JSON writer always sends (null or not),
 * which is every one but those a {@code @JsonInclude} leaves out ({@link ResponseRequired}).</li>
 * </ul>
 * Runs at build time, so the stored documents ({@code target/openapi}) carry it too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class OpenApiContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TEXT_HTML = "text/html";
    private static final String SCHEMAS = "#/components/schemas/";

    private static final Map<String, String> DEFAULT_DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Invalid request: the problem says what is wrong (`violations` lists every invalid field)"),
            Map.entry("401", "No valid bearer token"),
            Map.entry("403", "The caller's role or organization may not do this"),
            Map.entry("404", "No such resource, or the caller may not see it"),
            Map.entry("409", "Refused by a business rule in the current state"),
            Map.entry("412", "If-Match names a version that is no longer current: read it again"),
            Map.entry("413", "The request body is too large"),
            Map.entry("415", "The request's Content-Type is not one this operation reads"),
            Map.entry("422", "Well-formed but refused"),
            Map.entry("428", "If-Match is required: send the ETag you read"),
            Map.entry("500", "Internal error"),
            Map.entry("503", "The service is busy or cannot reach its database; nothing was changed: retry after Retry-After seconds"));

    private final IndexView index;

    /** SmallRye OpenAPI gives a filter that takes it the application's Jandex index. */
    public OpenApiContractFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("The origin this document was read from: the service itself, or the gateway, which "
                        + "serves the same paths under /api/v1"))));
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        Map<String, Schema> schemas = components.getSchemas() == null ? new TreeMap<>()
                : new TreeMap<>(components.getSchemas());
        // quarkus-resteasy-problem's own, referenced by @APIResponse without content; replaced by ours everywhere
        schemas.remove("HttpProblem");
        schemas.remove("HttpValidationProblem");
        schemas.remove("Violation");
        schemas.put(PROBLEM, problem());
        schemas.put("ProblemViolation", violation());
        inlineScalars(api, schemas);
        components.setSchemas(schemas);

        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> contract(path, method, item, operation)));
        }
        ResponseRequired.apply(api, schemas, index);
    }

    private static void contract(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Parameter ifMatch = parameters.stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);

        Set<String> codes = new HashSet<>(List.of("400", "503"));
        if (secured) {
            codes.add("401");
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (ifMatch != null) {
            codes.add("412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                codes.add("428");
            }
        }
        if (operation.getRequestBody() != null) {
            codes.add("415");
        }
        for (String code : codes) {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse());
            }
        }
        Map<String, APIResponse> ordered = new TreeMap<>(responses.getAPIResponses());
        for (Map.Entry<String, APIResponse> entry : ordered.entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()
                        || response.getDescription().equals("Not Authorized")
                        || response.getDescription().equals("Not Allowed")) {
                    response.setDescription(DEFAULT_DESCRIPTIONS.getOrDefault(code, "Refused"));
                }
                Content content = OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
                // A page for browsers that an operation declares besides (the survey link's refusals) stays.
                MediaType html = response.getContent() == null || response.getContent().getMediaTypes() == null ? null
                        : response.getContent().getMediaTypes().get(TEXT_HTML);
                if (html != null) {
                    content.addMediaType(TEXT_HTML, html);
                }
                response.setContent(content);
            }
        }
        responses.setAPIResponses(new LinkedHashMap<>(ordered));
    }

    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        return OASFactory.createSchema()
                .description("RFC 9457 problem details: the body of every error answer. Members beyond the standard "
                        + "five are rule-specific (e.g. currentVersion on 412, newCasePath on 409) and may be added "
                        + "over time; clients ignore those they do not know.")
                .addType(SchemaType.OBJECT)
                .addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")
                        .description("Identifies the problem type; about:blank when the title says it all"))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Short summary of the problem type").example("Not Found"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code").example(404))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What went wrong with this request, and how to put it right"))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")
                        .description("The request path this problem occurred on").example("/api/v1/cases"))
                .addProperty("request-id", text.description("X-Request-Id of the request, also in the service's logs"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("400 of a failed validation: every invalid field")
                        .items(OASFactory.createSchema().ref(SCHEMAS + "ProblemViolation")))
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("400 of a JSON value of the wrong type: its path in the body"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema violation() {
        return OASFactory.createSchema()
                .description("One invalid field of a request")
                .addType(SchemaType.OBJECT)
                .addRequired("field").addRequired("in").addRequired("message")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING).example("subject"))
                .addProperty("in", OASFactory.createSchema().addType(SchemaType.STRING)
                        .addEnumeration("body").addEnumeration("query").addEnumeration("path")
                        .addEnumeration("header").addEnumeration("form").addEnumeration("cookie"))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .example("must not be blank"));
    }

    // ---- Scalars inlined -------------------------------------------------------------------------------------

    /**
     * Replaces references to scalar components (no properties, not an object or array; enums only where the value
     * is nullable) by the component's content, and drops the components no longer referenced.
     */
    private static void inlineScalars(OpenAPI api, Map<String, Schema> schemas) {
        Set<String> scalars = new HashSet<>();
        schemas.forEach((name, schema) -> {
            if (isScalar(schema) && schema.getEnumeration() == null) {
                scalars.add(name);
            }
        });
        Set<String> enums = new HashSet<>();
        schemas.forEach((name, schema) -> {
            if (isScalar(schema) && schema.getEnumeration() != null) {
                enums.add(name);
            }
        });
        Inliner inliner = new Inliner(schemas, scalars, enums);
        schemas.values().forEach(inliner::visit);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        parameters.addAll(operation.getParameters());
                    }
                    if (operation.getRequestBody() != null) {
                        inliner.visit(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> inliner.visit(r.getContent()));
                    }
                }
                for (Parameter parameter : parameters) {
                    if (parameter.getSchema() != null) {
                        parameter.setSchema(inliner.inline(parameter.getSchema()));
                        inliner.visit(parameter.getSchema());
                    }
                    inliner.visit(parameter.getContent());
                }
            }
        }
        scalars.forEach(schemas::remove);
        // Enums no longer referenced anywhere (all their uses were nullable) go too.
        Set<String> referenced = new HashSet<>();
        Inliner.collectRefs(api, schemas, referenced);
        enums.stream().filter(name -> !referenced.contains(name)).forEach(schemas::remove);
    }

    private static boolean isScalar(Schema schema) {
        if (schema.getRef() != null || schema.getProperties() != null || schema.getAllOf() != null
                || schema.getAnyOf() != null || schema.getOneOf() != null) {
            return false;
        }
        List<SchemaType> type = schema.getType();
        return type != null && !type.isEmpty() && !type.contains(SchemaType.OBJECT) && !type.contains(SchemaType.ARRAY);
    }

    private static final class Inliner {

        private final Map<String, Schema> schemas;
        private final Set<String> scalars;
        private final Set<String> enums;
        private final Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Inliner(Map<String, Schema> schemas, Set<String> scalars, Set<String> enums) {
            this.schemas = schemas;
            this.scalars = scalars;
            this.enums = enums;
        }

        void visit(Content content) {
            if (content == null || content.getMediaTypes() == null) {
                return;
            }
            for (MediaType mediaType : content.getMediaTypes().values()) {
                if (mediaType.getSchema() != null) {
                    mediaType.setSchema(inline(mediaType.getSchema()));
                    visit(mediaType.getSchema());
                }
            }
        }

        void visit(Schema schema) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            if (schema.getProperties() != null) {
                Map<String, Schema> properties = new LinkedHashMap<>();
                schema.getProperties().forEach((name, property) -> properties.put(name, inline(property)));
                schema.setProperties(properties);
                properties.values().forEach(this::visit);
            }
            if (schema.getItems() != null) {
                schema.setItems(inline(schema.getItems()));
                visit(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                schema.setAdditionalPropertiesSchema(inline(schema.getAdditionalPropertiesSchema()));
                visit(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(this::visit);
                }
            }
            // A property declared as a String but documented with @Schema(implementation = SomeEnum.class) comes out
            // as {type: object, allOf: [$ref]}: the referenced schema alone says what the value is.
            if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getAllOf().getFirst().getRef() != null) {
                schema.setType(null);
            }
        }

        /** The schema itself, or a copy with the scalar it refers to inlined. */
        Schema inline(Schema schema) {
            String target = scalarTarget(schema);
            if (target == null) {
                return schema;
            }
            Schema component = schemas.get(target);
            boolean nullable = nullable(schema);
            if (enums.contains(target) && !nullable) {
                return schema;
            }
            Schema result = OASFactory.createSchema();
            component.getAll().forEach(result::set);
            // The referring schema's own members (description, example, constraints) win over the component's.
            schema.getAll().forEach((key, value) -> {
                if (!key.equals("$ref") && !key.equals("allOf") && !key.equals("anyOf") && !key.equals("oneOf")
                        && !key.equals("type")) {
                    result.set(key, value);
                }
            });
            List<SchemaType> type = new ArrayList<>(component.getType());
            if (nullable && !type.contains(SchemaType.NULL)) {
                type.add(SchemaType.NULL);
            }
            result.setType(type);
            return result;
        }

        /** The name of the scalar component that {@code schema} is, directly or as its only allOf/anyOf member. */
        private String scalarTarget(Schema schema) {
            String ref = schema.getRef();
            if (ref == null) {
                List<Schema> parts = new ArrayList<>();
                if (schema.getAllOf() != null) {
                    parts.addAll(schema.getAllOf());
                }
                if (schema.getAnyOf() != null) {
                    parts.addAll(schema.getAnyOf());
                }
                if (schema.getOneOf() != null) {
                    parts.addAll(schema.getOneOf());
                }
                List<Schema> refs = parts.stream().filter(p -> p.getRef() != null).toList();
                boolean othersAreNull = parts.stream().filter(p -> p.getRef() == null)
                        .allMatch(p -> p.getType() != null && p.getType().equals(List.of(SchemaType.NULL)));
                if (refs.size() != 1 || !othersAreNull) {
                    return null;
                }
                ref = refs.getFirst().getRef();
            }
            if (!ref.startsWith(SCHEMAS)) {
                return null;
            }
            String name = ref.substring(SCHEMAS.length());
            return scalars.contains(name) || enums.contains(name) ? name : null;
        }

        private static boolean nullable(Schema schema) {
            if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
                return true;
            }
            if (Boolean.TRUE.equals(schema.getAll().get("nullable"))) {
                return true;
            }
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null && parts.stream()
                        .anyMatch(p -> p.getType() != null && p.getType().equals(List.of(SchemaType.NULL)))) {
                    return true;
                }
            }
            return false;
        }

        static void collectRefs(OpenAPI api, Map<String, Schema> schemas, Set<String> into) {
            // Cheap and complete: every "$ref" string anywhere in the model's toString is not reliable, so walk.
            Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            schemas.values().forEach(s -> walk(s, into, seen));
            if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
                for (PathItem item : api.getPaths().getPathItems().values()) {
                    if (item.getParameters() != null) {
                        item.getParameters().forEach(p -> walkParameter(p, into, seen));
                    }
                    for (Operation operation : item.getOperations().values()) {
                        if (operation.getParameters() != null) {
                            operation.getParameters().forEach(p -> walkParameter(p, into, seen));
                        }
                        if (operation.getRequestBody() != null) {
                            walk(operation.getRequestBody().getContent(), into, seen);
                        }
                        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                            operation.getResponses().getAPIResponses().values()
                                    .forEach(r -> walk(r.getContent(), into, seen));
                        }
                    }
                }
            }
        }

        private static void walkParameter(Parameter parameter, Set<String> into, Set<Object> seen) {
            walk(parameter.getSchema(), into, seen);
            walk(parameter.getContent(), into, seen);
        }

        private static void walk(Content content, Set<String> into, Set<Object> seen) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(m -> walk(m.getSchema(), into, seen));
            }
        }

        private static void walk(Schema schema, Set<String> into, Set<Object> seen) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                into.add(schema.getRef().substring(SCHEMAS.length()));
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(p -> walk(p, into, seen));
            }
            walk(schema.getItems(), into, seen);
            walk(schema.getAdditionalPropertiesSchema(), into, seen);
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(p -> walk(p, into, seen));
                }
            }
        }
    }
}
