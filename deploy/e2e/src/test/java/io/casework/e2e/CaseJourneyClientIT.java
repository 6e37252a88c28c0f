package io.casework.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.casework.client.ApiClient;
import io.casework.client.ApiException;
import io.casework.client.ApiResponse;
import io.casework.client.api.CaseActionsApi;
import io.casework.client.api.CasesApi;
import io.casework.client.api.CommentsApi;
import io.casework.client.model.CasePage;
import io.casework.client.model.CaseState;
import io.casework.client.model.CaseTimelineItem;
import io.casework.client.model.CloseRequest;
import io.casework.client.model.Comment;
import io.casework.client.model.CommentRequest;
import io.casework.client.model.CommentVisibility;
import io.casework.client.model.OpenCaseRequest;
import io.casework.client.model.Priority;
import io.casework.client.model.SupportCase;
import io.casework.client.model.SurveyRequest;

/**
 * The case journey through the gateway with the Java client that openapi-generator makes from the gateway's merged
 * OpenAPI document (the build generates it; nothing here is hand-written HTTP): file, list, comment, history, close,
 * survey, with real Keycloak tokens. The client reads strictly, so a declaration that does not match what the system
 * answers fails this test: an undeclared field, a value outside a declared enum, a scalar of another type, a null in
 * a field declared required and not nullable, and a missing body (the generated method would return nothing).
 */
class CaseJourneyClientIT {

    /** The generated client's mapper, made strict. */
    static final ObjectMapper STRICT = strict(ApiClient.createDefaultObjectMapper());

    @Test
    void generatedClientFilesListsCommentsReadsHistoryClosesAndRatesACase() throws ApiException {
        ApiClient alice = client(Stack.token("alice@acme.example"));
        CasesApi cases = new CasesApi(alice);
        CommentsApi comments = new CommentsApi(alice);
        CaseActionsApi actions = new CaseActionsApi(alice);
        String subject = "Client journey " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        OpenCaseRequest request = new OpenCaseRequest().product("Cloud Mail").subject(subject)
                .description("Outgoing mail waits 30 minutes.").priority(Priority.SEVERE).language("de");

        ApiResponse<SupportCase> filed = cases.fileCaseWithHttpInfo(CasesApi.APIFileCaseRequest.newBuilder()
                .openCaseRequest(request).idempotencyKey(key).build());
        assertEquals(201, filed.getStatusCode());
        SupportCase supportCase = matchesDeclaration(filed.getData());
        UUID id = supportCase.getId();
        assertEquals(CaseState.NEW, supportCase.getState());
        assertEquals("acme", supportCase.getOrganization());
        assertNull(supportCase.getAssignee(), "unassigned: null, declared nullable");
        assertNull(supportCase.getClosedAt());
        assertTrue(filed.getHeaders().get("Location").getFirst().endsWith("/api/v1/cases/" + id));

        ApiResponse<SupportCase> replay = cases.fileCaseWithHttpInfo(CasesApi.APIFileCaseRequest.newBuilder()
                .openCaseRequest(request).idempotencyKey(key).build());
        assertEquals(List.of("true"), replay.getHeaders().get("Idempotent-Replayed"));
        assertEquals(id, matchesDeclaration(replay.getData()).getId());

        CasePage page = matchesDeclaration(cases.listCases(CasesApi.APIListCasesRequest.newBuilder()
                .q(subject).limit(10).build()));
        assertEquals(List.of(id), page.getItems().stream().map(SupportCase::getId).toList());
        assertNull(page.getNextCursor(), "the last page: nextCursor null, declared nullable");

        // comments and survey answers take an Idempotency-Key too (issue 19), so the client takes one request object
        Comment comment = matchesDeclaration(comments.addCaseComment(CommentsApi.APIAddCaseCommentRequest.newBuilder()
                .id(id).commentRequest(new CommentRequest().body("Any news?")).idempotencyKey(UUID.randomUUID().toString())
                .build()));
        assertEquals(CommentVisibility.PUBLIC, comment.getVisibility());
        assertEquals(List.of(comment.getId()), matchesDeclaration(comments.listCaseComments(id)).stream()
                .map(Comment::getId).toList());

        List<CaseTimelineItem> history = matchesDeclaration(cases.getCaseHistory(id));
        assertTrue(history.stream().anyMatch(item -> comment.getId().equals(item.getCommentId())), history.toString());

        SupportCase closed = matchesDeclaration(actions.closeCase(CaseActionsApi.APICloseCaseRequest.newBuilder()
                .id(id).closeRequest(new CloseRequest().reason("Fixed on our side")).build()));
        assertEquals(CaseState.CLOSED, closed.getState());
        assertNotNull(closed.getClosedAt());

        SupportCase rated = matchesDeclaration(actions.answerCaseSurvey(CaseActionsApi.APIAnswerCaseSurveyRequest
                .newBuilder().id(id).surveyRequest(new SurveyRequest().rating(5).comment("Quick and clear")).build()));
        assertEquals(5, rated.getSurveyRating());

        // another organization's customer: 404, exactly like a case that does not exist
        CasesApi carol = new CasesApi(client(Stack.token("carol@globex.example")));
        ApiException hidden = assertThrows(ApiException.class, () -> carol.getCase(id));
        assertEquals(404, hidden.getCode());
        assertTrue(hidden.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void theStrictReaderRefusesWhatTheDocumentDoesNotDeclare() throws Exception {
        SupportCase sample = STRICT.readValue(sampleCase(), SupportCase.class);
        matchesDeclaration(sample);
        assertThrows(Exception.class, () -> STRICT.readValue(sampleCase().replace("\"escalated\"", "\"undeclared\": 1, "
                + "\"escalated\""), SupportCase.class), "an undeclared field");
        assertThrows(Exception.class, () -> STRICT.readValue(sampleCase().replace("\"NEW\"", "\"PARKED\""),
                SupportCase.class), "a state outside the enum");
        assertThrows(Exception.class, () -> STRICT.readValue(sampleCase().replace("\"acme\"", "42"), SupportCase.class),
                "a number where a string is declared");
        assertThrows(AssertionError.class, () -> matchesDeclaration(STRICT.readValue(
                sampleCase().replace("\"subject\": \"s\"", "\"subject\": null"), SupportCase.class)),
                "null in a required, not nullable field");
    }

    static ApiClient client(String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), STRICT, Stack.GATEWAY);
        client.setRequestInterceptor(builder -> builder.header("Authorization", "Bearer " + token));
        return client;
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer, LogicalType.Float)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString)) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }

    /**
     * Every getter of the generated models that the document declares required and not nullable (the generator marks
     * it {@code @NotNull} without {@code @Nullable}) returned a value, through nested models and lists.
     */
    static <T> T matchesDeclaration(T value) {
        List<String> nulls = new ArrayList<>();
        check(value, "", nulls);
        if (!nulls.isEmpty()) {
            throw new AssertionError("null where the document declares a required, not nullable value: " + nulls);
        }
        return value;
    }

    private static void check(Object value, String path, List<String> nulls) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", nulls);
            }
            return;
        }
        if (value == null || !value.getClass().getPackageName().equals("io.casework.client.model")
                || value.getClass().isEnum()) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0
                    || getter.getDeclaringClass() != value.getClass()) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = path + "." + getter.getName().substring(3);
            boolean required = getter.isAnnotationPresent(jakarta.validation.constraints.NotNull.class);
            boolean nullable = getter.isAnnotationPresent(jakarta.annotation.Nullable.class);
            if (field == null && required && !nullable) {
                nulls.add(value.getClass().getSimpleName() + name);
            }
            check(field, name, nulls);
        }
    }

    private static String sampleCase() {
        return """
                {"id": "6b0f4f4e-3f7c-4a53-9d7e-2b8f0e7a1c11", "number": "C-2026-000042", "organization": "acme",
                 "product": "Cloud Mail", "subject": "s", "description": "d", "priority": "P2", "severity": "SEVERE",
                 "state": "NEW", "creator": "alice@acme.example", "contactEmail": "alice@acme.example", "ccEmails": [],
                 "language": "en", "channel": "PORTAL", "filedByReseller": null, "relatedCaseIds": [], "knownIssueId": null,
                 "externalId": null, "testCase": false, "sla": null, "details": {}, "assignee": null, "escalated": false,
                 "escalationReason": null, "resolutionCode": null,
                 "resolutionNote": null, "reopenCount": 0, "surveyRating": null, "version": 0, "firstResponseDueAt": null,
                 "createdAt": "2026-12-06T10:00:00Z", "updatedAt": "2026-12-06T10:00:00Z", "firstRespondedAt": null,
                 "resolvedAt": null, "closedAt": null}""";
    }
}
