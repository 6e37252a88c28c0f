package io.casework.cases.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseNotFoundException;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.rest.dto.ActionRequests.SurveyRequest;
import io.casework.cases.rest.dto.SurveyLinkDtos.SurveyAnswerResponse;
import io.casework.cases.rest.dto.SurveyLinkDtos.SurveyForm;
import io.casework.cases.rest.dto.SurveyLinkDtos.SurveyLinkResponse;
import io.casework.cases.service.CaseWorkflow;
import io.casework.cases.service.SurveyLinks;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The survey link of the closing mail, which works without a login: its signed token (made by notification-service
 * for the case's contact, valid 30 days) is the authority. Opening it (GET) shows the survey and records nothing, so
 * a mail scanner or link preview that fetches it changes nothing; the answer is a POST. Browsers (Accept: text/html)
 * get HTML pages, with the same status codes as the problem+json other clients get.
 */
@Path("/api/v1/cases/{id}/survey/signed")
@Tag(name = "Case actions")
@PermitAll
@RunOnVirtualThread
public class SurveyLinkResource {

    private static final String TOKEN_DESCRIPTION = "The token of the link in the closing mail, as it is";

    /** A whole number written plainly (no sign, no leading zeros, at most 9 digits); anything else none. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private final SurveyLinks links;
    private final CaseWorkflow workflow;
    private final Validator validator;

    SurveyLinkResource(SurveyLinks links, CaseWorkflow workflow, Validator validator) {
        this.links = links;
        this.workflow = workflow;
        this.validator = validator;
    }

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @Operation(operationId = "openSurveyByLink", summary = "Open the survey from the closing mail (no login)",
            description = "Checks the link and shows the survey: an HTML form for browsers, else JSON. Records nothing.")
    @APIResponse(responseCode = "200", description = "The survey", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyLinkResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "403", description = "Not a valid link for this case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Already answered, or the case was reopened (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "The link expired (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response open(@PathParam("id") UUID id,
            @Parameter(description = TOKEN_DESCRIPTION, required = true) @QueryParam("token") String token,
            @Context HttpHeaders headers) {
        return answering(headers, () -> {
            Instant now = Instant.now();
            String recipient = links.verify(id, token, now);
            Case supportCase = workflow.surveyByLink(id, recipient);
            if (wantsHtml(headers)) {
                return Response.ok(SurveyPages.form(supportCase, token), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            return Response.ok(SurveyLinkResponse.from(supportCase, links.expiry(token)), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @Operation(operationId = "answerSurveyByLinkForm", summary = "Answer the survey from its HTML form (no login)",
            description = "What the page's buttons send: rating 1 to 5 and an optional comment. Once per case.")
    @APIResponse(responseCode = "200", description = "Recorded; a thank-you page for browsers, else the answer", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyAnswerResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "No rating from 1 to 5, or a comment over 4000 characters (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a valid link for this case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Already answered, or the case was reopened (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "The link expired (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response answerForm(@PathParam("id") UUID id,
            @Parameter(description = TOKEN_DESCRIPTION, required = true) @QueryParam("token") String token,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = SurveyForm.class))) String body,
            @Context HttpHeaders headers) {
        return answering(headers, () -> {
            String recipient = links.verify(id, token, Instant.now());
            Map<String, String> form = form(body);
            // The JSON answer's own constraints (SurveyRequest), checked on the request the form makes.
            SurveyRequest request = new SurveyRequest(wholeNumber(form.get("rating")), form.get("comment"));
            if (!validator.validate(request).isEmpty()) {
                throw new CaseRuleException(Kind.INVALID, "Invalid answer",
                        "rating must be a whole number from 1 to 5, and comment at most 4000 characters");
            }
            return answered(headers, workflow.answerSurveyByLink(id, recipient, request.rating(),
                    blankToNull(request.comment())));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(operationId = "answerSurveyByLink", summary = "Answer the survey of the link (no login)",
            description = "The same as the form, as JSON: {\"rating\": 1..5, \"comment\": \"...\"}. Once per case.")
    @APIResponse(responseCode = "200", description = "Recorded; a thank-you page for browsers, else the answer", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyAnswerResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "No rating from 1 to 5, unknown field (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a valid link for this case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such case (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Already answered, or the case was reopened (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "The link expired (problem+json; a page for browsers)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response answer(@PathParam("id") UUID id,
            @Parameter(description = TOKEN_DESCRIPTION, required = true) @QueryParam("token") String token,
            @Valid @NotNull SurveyRequest request, @Context HttpHeaders headers) {
        return answering(headers, () -> {
            String recipient = links.verify(id, token, Instant.now());
            return answered(headers, workflow.answerSurveyByLink(id, recipient, request.rating(), blankToNull(request.comment())));
        });
    }

    private static Response answered(HttpHeaders headers, Case supportCase) {
        if (wantsHtml(headers)) {
            return Response.ok(SurveyPages.thanks(supportCase), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(SurveyAnswerResponse.from(supportCase), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Refusals as a page for browsers; problem+json (through the mappers) for everyone else. */
    private static Response answering(HttpHeaders headers, Supplier<Response> action) {
        try {
            return action.get();
        } catch (CaseRuleException e) {
            if (!wantsHtml(headers)) {
                throw e;
            }
            return SurveyPages.refusal(e.kind().status, e.title(), e.getMessage());
        } catch (CaseNotFoundException e) {
            if (!wantsHtml(headers)) {
                throw e;
            }
            return SurveyPages.refusal(404, "Case not found", "There is no such case.");
        }
    }

    /**
     * A browser names text/html; API clients and curl (Accept: * / *) get JSON. Read from the raw header, so that an
     * empty or malformed Accept (which {@code getAcceptableMediaTypes} refuses with an exception) means JSON.
     */
    static boolean wantsHtml(HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        return accept.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(range -> range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .anyMatch("text/html"::equals);
    }

    /**
     * The fields of an application/x-www-form-urlencoded body, the first of each name. Read here rather than with
     * {@code @FormParam}, whose decoding answers a stray {@code %} with a 500: a body that is not valid form encoding,
     * or text with NUL (which PostgreSQL cannot store), is a 400.
     */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        String decoded;
        try {
            decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidForm();
        }
        if (decoded.indexOf('\0') >= 0) {
            throw invalidForm();
        }
        return decoded;
    }

    private static CaseRuleException invalidForm() {
        return new CaseRuleException(Kind.INVALID, "Invalid form",
                "The body must be application/x-www-form-urlencoded (rating=1..5&comment=...) without the NUL character");
    }

    private static Integer wholeNumber(String text) {
        return text != null && WHOLE_NUMBER.matcher(text).matches() ? Integer.valueOf(text) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
