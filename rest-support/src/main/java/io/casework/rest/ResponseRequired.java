package io.casework.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * {@code required} of the schemas that answers carry, from what Jackson does: the services' JSON writer sends every
 * property of a response DTO, {@code null} included (no default inclusion is configured), except where a
 * {@code @JsonInclude} other than ALWAYS says to leave it out (NON_NULL, NON_ABSENT, NON_EMPTY, NON_DEFAULT, CUSTOM).
 * So every property of a schema reachable from an answer's body is required, except those of a Java property (field,
 * record component or getter) or a class annotated so; a primitive under NON_NULL or NON_ABSENT is always sent and
 * stays required. Whether a required property may be {@code null} is the {@code nullable} of its declaration
 * ({@code @Schema(nullable = true)}).
 * <p>
 * The classes are found in the application's Jandex index: only {@code io.casework} classes, named in the document by
 * their {@code @Schema(name)} or simple name (a second class of the same simple name is {@code Name1}, ...; the
 * schema is the one of that family whose properties are the class's). A class with an omitted property that cannot
 * be told apart that way fails the build rather than be guessed.
 * <p>
 * A schema that request bodies use too keeps what its annotations declare ({@code required} would also bind the
 * clients' requests). The {@code Problem} schemas are written by {@link OpenApiContractFilter} itself.
 */
final class ResponseRequired {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final DotName JSON_INCLUDE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
    private static final DotName JSON_PROPERTY = DotName.createSimple("com.fasterxml.jackson.annotation.JsonProperty");
    private static final DotName JSON_IGNORE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonIgnore");
    private static final DotName JSON_NAMING = DotName.createSimple(
            "com.fasterxml.jackson.databind.annotation.JsonNaming");
    private static final DotName SCHEMA = DotName.createSimple(
            "org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final Set<String> KEPT = Set.of("ALWAYS", "USE_DEFAULTS");
    private static final Set<String> NULL_ONLY = Set.of("NON_NULL", "NON_ABSENT");
    private static final String OWN_PACKAGE = "io.casework.";

    private ResponseRequired() {
    }

    static void apply(OpenAPI api, Map<String, Schema> schemas, IndexView index) {
        Set<String> answered = new HashSet<>();
        Set<String> requested = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> collect(p, schemas, requested));
                }
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> collect(p, schemas, requested));
                    }
                    if (operation.getRequestBody() != null) {
                        collect(operation.getRequestBody().getContent(), schemas, requested);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values()
                                .forEach(r -> collect(r.getContent(), schemas, answered));
                    }
                }
            }
        }
        answered.removeAll(requested);
        answered.remove(OpenApiContractFilter.PROBLEM);
        answered.remove("ProblemViolation");

        Map<String, Set<String>> omitted = omitted(index, schemas);
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            Set<String> left = omitted.getOrDefault(name, Set.of());
            List<String> declared = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (String property : declared) {
                if (left.contains(property)) {
                    throw new IllegalStateException("OpenAPI schema " + name + " declares '" + property
                            + "' required, but Jackson leaves it out (@JsonInclude): remove it from requiredProperties");
                }
            }
            List<String> required = new ArrayList<>();
            schema.getProperties().keySet().stream().filter(p -> !left.contains(p)).forEach(required::add);
            declared.stream().filter(p -> !required.contains(p)).forEach(required::add);
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    // ---- Which properties Jackson may leave out, by schema name ---------------------------------------------------

    private static Map<String, Set<String>> omitted(IndexView index, Map<String, Schema> schemas) {
        Map<ClassInfo, Set<String>> byClass = new HashMap<>();
        for (AnnotationInstance include : index.getAnnotations(JSON_INCLUDE)) {
            if (!omits(include)) {
                continue;
            }
            AnnotationTarget target = include.target();
            ClassInfo owner = switch (target.kind()) {
                case CLASS -> target.asClass();
                case FIELD -> target.asField().declaringClass();
                case METHOD -> target.asMethod().declaringClass();
                case RECORD_COMPONENT -> target.asRecordComponent().declaringClass();
                default -> null; // a constructor parameter: javac copies a record component's annotation there too
            };
            if (owner == null || !owner.name().toString().startsWith(OWN_PACKAGE)) {
                continue;
            }
            Set<String> names = byClass.computeIfAbsent(owner, c -> new LinkedHashSet<>());
            boolean nullOnly = NULL_ONLY.contains(value(include));
            switch (target.kind()) {
                case CLASS -> properties(index, owner).forEach((property, primitive) -> {
                    if (!(primitive && nullOnly)) {
                        names.add(property);
                    }
                });
                case FIELD -> {
                    FieldInfo field = target.asField();
                    if (!(nullOnly && field.type().kind() == Type.Kind.PRIMITIVE)) {
                        names.add(jsonName(owner, field.name(), field.declaredAnnotation(JSON_PROPERTY)));
                    }
                }
                case RECORD_COMPONENT -> {
                    RecordComponentInfo component = target.asRecordComponent();
                    if (!(nullOnly && component.type().kind() == Type.Kind.PRIMITIVE)) {
                        names.add(jsonName(owner, component.name(), component.declaredAnnotation(JSON_PROPERTY)));
                    }
                }
                case METHOD -> {
                    MethodInfo method = target.asMethod();
                    if (!(nullOnly && method.returnType().kind() == Type.Kind.PRIMITIVE)) {
                        names.add(jsonName(owner, accessorProperty(owner, method),
                                method.declaredAnnotation(JSON_PROPERTY)));
                    }
                }
                default -> {
                }
            }
        }
        // Subclasses take a superclass's @JsonInclude on the class.
        Map<String, Set<String>> bySchema = new HashMap<>();
        for (Map.Entry<ClassInfo, Set<String>> entry : byClass.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            String name = schemaOf(index, entry.getKey(), schemas);
            if (name != null) {
                bySchema.computeIfAbsent(name, n -> new HashSet<>()).addAll(entry.getValue());
            }
        }
        for (AnnotationInstance include : index.getAnnotations(JSON_INCLUDE)) {
            if (omits(include) && include.target().kind() == AnnotationTarget.Kind.CLASS) {
                boolean nullOnly = NULL_ONLY.contains(value(include));
                for (ClassInfo sub : index.getAllKnownSubclasses(include.target().asClass().name())) {
                    if (!sub.name().toString().startsWith(OWN_PACKAGE)) {
                        continue;
                    }
                    String name = schemaOf(index, sub, schemas);
                    if (name != null) {
                        Set<String> names = bySchema.computeIfAbsent(name, n -> new HashSet<>());
                        properties(index, sub).forEach((property, primitive) -> {
                            if (!(primitive && nullOnly)) {
                                names.add(property);
                            }
                        });
                    }
                }
            }
        }
        return bySchema;
    }

    private static boolean omits(AnnotationInstance include) {
        return !KEPT.contains(value(include));
    }

    private static String value(AnnotationInstance include) {
        AnnotationValue value = include.value();
        return value == null ? "ALWAYS" : value.asEnum();
    }

    /**
     * The schema of this class in the document: its {@code @Schema(name)} or simple name, or a numbered one of that
     * name ({@code Update1}) whose properties are the class's; null when the document has none of that name.
     */
    private static String schemaOf(IndexView index, ClassInfo type, Map<String, Schema> schemas) {
        AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
        String base = schema != null && schema.value("name") != null && !schema.value("name").asString().isBlank()
                ? schema.value("name").asString() : type.simpleName();
        Pattern family = Pattern.compile(Pattern.quote(base) + "\\d*");
        List<String> candidates = schemas.keySet().stream().filter(n -> family.matcher(n).matches()).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1 && candidates.getFirst().equals(base)) {
            return base;
        }
        Set<String> properties = properties(index, type).keySet();
        List<String> matching = candidates.stream().filter(n -> schemas.get(n).getProperties() != null
                && schemas.get(n).getProperties().keySet().equals(properties)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("OpenAPI: cannot tell which of the schemas " + candidates + " is "
                    + type.name() + " (properties " + properties + "), whose @JsonInclude leaves properties out of "
                    + "answers: give it a unique @Schema(name)");
        }
        return matching.getFirst();
    }

    /** The JSON properties of a record (its components) or a class (its instance fields), each with primitive-ness. */
    private static Map<String, Boolean> properties(IndexView index, ClassInfo type) {
        Map<String, Boolean> properties = new java.util.LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponentInfo component : type.recordComponents()) {
                // javac keeps Jackson's annotations on the component's field and accessor, not on the component
                FieldInfo field = type.field(component.name());
                AnnotationInstance renamed = field == null ? null : field.declaredAnnotation(JSON_PROPERTY);
                properties.put(jsonName(type, component.name(), renamed), component.type().kind() == Type.Kind.PRIMITIVE);
            }
            return properties;
        }
        ClassInfo at = type;
        while (at != null && at.name().toString().startsWith(OWN_PACKAGE)) {
            for (FieldInfo field : at.fields()) {
                if (java.lang.reflect.Modifier.isStatic(field.flags())
                        || java.lang.reflect.Modifier.isTransient(field.flags())
                        || field.hasDeclaredAnnotation(JSON_IGNORE)) {
                    continue;
                }
                properties.putIfAbsent(jsonName(type, field.name(), field.declaredAnnotation(JSON_PROPERTY)),
                        field.type().kind() == Type.Kind.PRIMITIVE);
            }
            at = at.superName() == null ? null : index.getClassByName(at.superName());
        }
        return properties;
    }

    private static String accessorProperty(ClassInfo owner, MethodInfo method) {
        String name = method.name();
        if (owner.isRecord()) {
            return name;
        }
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2) {
            return decapitalize(name.substring(2));
        }
        return name;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The name Jackson writes: @JsonProperty's, else the Java name under the class's @JsonNaming. */
    private static String jsonName(ClassInfo owner, String javaName, AnnotationInstance jsonProperty) {
        if (jsonProperty != null && jsonProperty.value() != null && !jsonProperty.value().asString().isEmpty()) {
            return jsonProperty.value().asString();
        }
        AnnotationInstance naming = owner.declaredAnnotation(JSON_NAMING);
        if (naming == null) {
            return javaName;
        }
        String strategy = naming.value().asClass().name().toString();
        return switch (strategy) {
            case "com.fasterxml.jackson.databind.PropertyNamingStrategies$SnakeCaseStrategy" ->
                    separated(javaName, '_');
            case "com.fasterxml.jackson.databind.PropertyNamingStrategies$KebabCaseStrategy" ->
                    separated(javaName, '-');
            case "com.fasterxml.jackson.databind.PropertyNamingStrategies$LowerCaseStrategy" ->
                    javaName.toLowerCase(java.util.Locale.ROOT);
            default -> throw new IllegalStateException("OpenAPI: " + owner.name() + " uses @JsonNaming(" + strategy
                    + "), which ResponseRequired does not know: add it");
        };
    }

    /** Jackson's SnakeCaseStrategy/KebabCaseStrategy translation. */
    private static String separated(String input, char separator) {
        StringBuilder result = new StringBuilder(input.length() * 2);
        boolean previousUpper = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (i > 0 || c != separator) {
                if (Character.isUpperCase(c)) {
                    if (!previousUpper && !result.isEmpty() && result.charAt(result.length() - 1) != separator) {
                        result.append(separator);
                    }
                    c = Character.toLowerCase(c);
                    previousUpper = true;
                } else {
                    previousUpper = false;
                }
                result.append(c);
            }
        }
        return result.toString();
    }

    // ---- Schemas reachable from a place of the document ----------------------------------------------------------

    private static void collect(Parameter parameter, Map<String, Schema> schemas, Set<String> into) {
        collect(parameter.getSchema(), schemas, into);
        collect(parameter.getContent(), schemas, into);
    }

    private static void collect(Content content, Map<String, Schema> schemas, Set<String> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> collect(m.getSchema(), schemas, into));
        }
    }

    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (into.add(name)) {
                collect(schemas.get(name), schemas, into);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, schemas, into));
        }
        collect(schema.getItems(), schemas, into);
        collect(schema.getAdditionalPropertiesSchema(), schemas, into);
        for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(p -> collect(p, schemas, into));
            }
        }
    }
}
