package io.casework.cases.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Priority;
import io.casework.cases.rest.dto.CaseResponse;
import io.casework.cases.rest.dto.OpenCaseRequest;
import io.casework.cases.rest.dto.UpdateCaseRequest;
import io.casework.cases.search.CaseSearch;
import io.casework.cases.service.CaseService;
import io.casework.cases.service.CaseTimeline;
import io.casework.cases.service.CaseWorkflow;
import io.casework.cases.service.Idempotency;
import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.casework.rest.StrictJson;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Filing, reading, searching and editing support cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CaseResource {

    private static final int MAX_LIMIT = 100;

    private final CaseService service;
    private final CaseTimeline timeline;
    private final CallerFactory callers;
    private final Idempotency idempotency;

    CaseResource(CaseService service, CaseTimeline timeline, CallerFactory callers, Idempotency idempotency) {
        this.service = service;
        this.timeline = timeline;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @Schema(description = "One page of cases", requiredProperties = { "items", "nextCursor" })
    public record CasePage(List<CaseResponse> items,
            @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true) String nextCursor) {
    }

    @POST
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent" })
    @Operation(operationId = "fileCase", summary = "File a case", description = "Customers file for their organization; partners and agents on "
            + "behalf of one (agents also for phone and e-mail intake). With an Idempotency-Key, a retried request "
            + "returns the first case (header Idempotent-Replayed: true); the same key with another body is 422. "
            + "An externalId (your own reference) names one case per organization and filing party: a second case "
            + "with it is 409. testCase true files a sandbox case: the whole flow runs, but no e-mail reaches a real "
            + "recipient, no one is paged and it counts in no metric or report.")
    @APIResponse(responseCode = "201", description = "Filed; Location names the case, ETag is its version",
            headers = { @Header(name = "Location", description = "URL of the new case", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The case's version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier request with the same "
                            + "Idempotency-Key filed this case", schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: the problem lists every violation; nothing is written")
    @APIResponse(responseCode = "403", description = "Filing for another organization, or a staff-only channel")
    @APIResponse(responseCode = "409", description = "externalId already names a case of this organization that you (your "
            + "partner organization) filed; the problem carries caseId and caseNumber when you may see that case")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request")
    public Response open(@Valid @NotNull OpenCaseRequest request,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        CaseService.OpenCase command = new CaseService.OpenCase(request.organization(), request.product(),
                request.subject(), request.description(), request.priority(), request.contactEmail(),
                request.ccEmails(), request.language(), request.channel(), request.relatedCaseIds(),
                request.knownIssueId(), request.details() == null ? null : request.details().toDomain(), request.externalId(),
                Boolean.TRUE.equals(request.testCase()));
        Idempotency.Outcome<Case> opened = idempotency.once(
                idempotency.request(caller, idempotencyKey, "POST /api/v1/cases", request),
                recorder -> service.open(command, caller, recorder), earlier -> service.get(earlier.caseId, caller));
        Case supportCase = opened.value();
        return Response.created(uri.getAbsolutePathBuilder().path(supportCase.id.toString()).build())
                .tag(IfMatch.etag(supportCase.version))
                .header(IdempotencyApi.REPLAYED, opened.replayedHeader())
                .entity(CaseResponse.from(supportCase))
                .build();
    }

    @GET
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "listCases", summary = "Search cases and work queues", description = "The cases the caller may see, newest change first by default, "
            + "one page at a time: pass nextCursor back as cursor for the next page. Each item carries its SLA state "
            + "(sla: next target, due time, breached). An agent's queue: status=open&sort=priority,dueAt, narrowed with "
            + "assignee, organization, escalated, breached and dueBefore.")
    public CasePage list(
            @Parameter(description = "Repeatable: cases in any of these states",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CaseState.class))
            @QueryParam("state") List<String> states,
            @Parameter(description = "open (any state but CLOSED) or closed",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "open", "closed" })) @QueryParam("status") String status,
            @Parameter(description = "P1..P4 or CRITICAL..MINOR",
                    schema = @Schema(implementation = Priority.class)) @QueryParam("priority") String priority,
            @QueryParam("product") String product,
            @Parameter(description = "E-mail of the creator, or me") @QueryParam("creator") String creator,
            @Parameter(description = "The case(s) you may see with this externalId (your own reference, given when "
                    + "filing); combines with the other filters", example = "INC-0042817",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 128, pattern = OpenCaseRequest.EXTERNAL_ID))
            @QueryParam("externalId") String externalId,
            @Parameter(description = "true: only test (sandbox) cases; false: only real ones; absent: both",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("testCase") String testCase,
            @Parameter(description = "E-mail of the assignee, or me (\"my open cases\")") @QueryParam("assignee") String assignee,
            @Parameter(description = "Only cases changed since this ISO-8601 instant", example = "2026-11-01T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Search over subject, description and the comments the caller may see (internal "
                    + "notes for staff only): words are matched stemmed in English, French and Dutch; \"quoted phrase\", "
                    + "or, -word; a single token of 3 or more characters also matches as a substring of case numbers and "
                    + "identifiers such as error codes. At most 200 characters. Items then carry match (rank, snippet).",
                    example = "quota ERR-4031") @QueryParam("q") String text,
            @Parameter(description = "Only the cases of this organization (its id). Staff: any organization; customers "
                    + "and partners: narrows what they may see anyway (another organization's id finds nothing)",
                    example = "acme") @QueryParam("organization") String organization,
            @Parameter(description = "true: only escalated cases; false: only cases not escalated",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("escalated") String escalated,
            @Parameter(description = "true: only cases that missed an SLA target (sla.breached); false: only those that "
                    + "did not (including cases without SLA state yet)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("breached") String breached,
            @Parameter(description = "Only cases whose next SLA target is due before this ISO-8601 instant (sla.dueAt): "
                    + "\"due soon\" with a near instant, overdue with now. Paused targets and cases without one never match",
                    example = "2026-11-21T12:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "Order of the results; default -updatedAt (newest change first); relevance with q; "
                    + "priority,dueAt is the agent queue: priority (P1/CRITICAL first), then the next SLA target's due "
                    + "time (soonest first, none last), then time of arrival (oldest first); not combined with q",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "-updatedAt", "updatedAt", "-createdAt",
                            "createdAt", "relevance", "priority,dueAt" }, defaultValue = "-updatedAt")) @QueryParam("sort") String sort,
            @Parameter(description = "Page size",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Caller caller = callers.current();
        int pageSize = limit == null ? 20 : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        CaseSearch.Sort order = parseSort(sort);
        boolean hasText = text != null && !text.isBlank();
        if (hasText && text.length() > CaseSearch.MAX_QUERY_LENGTH) {
            throw invalid("q must be at most " + CaseSearch.MAX_QUERY_LENGTH + " characters");
        }
        if (externalId != null && !externalId.matches(OpenCaseRequest.EXTERNAL_ID)) {
            throw invalid(OpenCaseRequest.EXTERNAL_ID_RULE);
        }
        if (order == CaseSearch.Sort.RELEVANCE && !hasText) {
            throw invalid("sort=relevance needs a search text q");
        }
        if (order == CaseSearch.Sort.PRIORITY_DUE && hasText) {
            throw invalid("sort=priority,dueAt lists a queue and is not combined with a search text q: use "
                    + "-updatedAt, updatedAt, -createdAt, createdAt or relevance with q");
        }
        if (organization != null && organization.isBlank()) {
            throw invalid("organization must name an organization");
        }
        CaseSearch.Desk desk = new CaseSearch.Desk(organization, parseBoolean("escalated", escalated),
                parseBoolean("breached", breached), parseInstant("dueBefore", dueBefore));
        CaseSearch.CaseFilter filter = new CaseSearch.CaseFilter(parseStates(states), parseStatus(status),
                priority == null ? null : parsePriority(priority), product, me(creator, caller), me(assignee, caller), externalId,
                parseBoolean("testCase", testCase), parseInstant("updatedSince", updatedSince), hasText ? text : null, order,
                decodeCursor(cursor, order), pageSize, desk);
        List<CaseSearch.Hit> found = service.list(filter, caller);
        boolean more = found.size() > pageSize;
        List<CaseSearch.Hit> page = more ? found.subList(0, pageSize) : found;
        String next = more ? encodeCursor(order.cursorAfter(page.getLast())) : null;
        return new CasePage(page.stream().map(hit -> CaseResponse.from(hit.supportCase(),
                hasText ? new CaseResponse.SearchMatch(hit.rank(), hit.snippet()) : null)).toList(), next);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "getCase", summary = "Read a case", description = "ETag carries the version for If-Match. 404 when it does not "
            + "exist or the caller may not see it.")
    @APIResponse(responseCode = "200", description = "The case; ETag is its version", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        Case supportCase = service.get(id, callers.current());
        return Response.ok(CaseResponse.from(supportCase)).tag(IfMatch.etag(supportCase.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent" })
    @Operation(operationId = "updateCase", summary = "Edit a case", description = "Merge patch of subject, CCs, related cases and details; "
            + "If-Match required. Priority cannot be changed here: customers cannot change it at all, staff use "
            + "PUT /api/v1/cases/{id}/priority with a reason.")
    @APIResponse(responseCode = "200", description = "The edited case; ETag is its new version", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull UpdateCaseRequest request,
            @Parameter(required = true, description = "The ETag of the case as read") @HeaderParam("If-Match") String ifMatch) {
        Caller caller = callers.current();
        if (request.testCase() != null) {
            service.get(id, caller); // 404 first for a case the caller may not see
            throw invalid("testCase is fixed when the case is filed; file a new case to change it");
        }
        if (request.priority() != null) {
            Case supportCase = service.get(id, caller);
            if (!caller.isStaff()) {
                throw CaseWorkflow.priorityIsFixed(supportCase);
            }
            throw invalid("Change the priority with PUT /api/v1/cases/" + id + "/priority and a reason");
        }
        Case supportCase = service.update(id, new CaseService.CaseEdit(request.subject(), request.ccEmails(),
                request.relatedCaseIds(), request.details() == null ? null : request.details()::mergeInto),
                caller, IfMatch.of(ifMatch).required("case"));
        return Response.ok(CaseResponse.from(supportCase)).tag(IfMatch.etag(supportCase.version)).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "getCaseHistory", summary = "A case's timeline", description = "Every change (who, when, what, why) and every comment the "
            + "caller may see, oldest first. Internal notes only for staff; e-mail bodies never.")
    public List<CaseTimeline.Item> history(@PathParam("id") UUID id) {
        return timeline.of(id, callers.current());
    }

    private static String me(String value, Caller caller) {
        return "me".equalsIgnoreCase(value) ? caller.email() : value;
    }

    private static Set<CaseState> parseStates(List<String> states) {
        Set<CaseState> parsed = EnumSet.noneOf(CaseState.class);
        for (String state : states == null ? List.<String>of() : states) {
            try {
                parsed.add(CaseState.valueOf(state));
            } catch (IllegalArgumentException e) {
                throw invalid("Unknown state '" + state + "': use one of " + List.of(CaseState.values()));
            }
        }
        return parsed;
    }

    private static Boolean parseStatus(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "open" -> Boolean.TRUE;
            case "closed" -> Boolean.FALSE;
            default -> throw invalid("status must be open or closed");
        };
    }

    private static Priority parsePriority(String priority) {
        try {
            return Priority.parse(priority);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Instant parseInstant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (!StrictJson.storable(instant)) {
                throw invalid(name + " must fall in the years 1 to 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static Boolean parseBoolean(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name + " must be true or false");
        };
    }

    private static CaseSearch.Sort parseSort(String sort) {
        return switch (sort == null ? "-updatedAt" : sort) {
            case "-updatedAt" -> CaseSearch.Sort.UPDATED_DESC;
            case "updatedAt" -> CaseSearch.Sort.UPDATED_ASC;
            case "-createdAt" -> CaseSearch.Sort.CREATED_DESC;
            case "createdAt" -> CaseSearch.Sort.CREATED_ASC;
            case "relevance" -> CaseSearch.Sort.RELEVANCE;
            case "priority,dueAt" -> CaseSearch.Sort.PRIORITY_DUE;
            default -> throw invalid("sort must be one of " + String.join(", ", SORTS));
        };
    }

    private static final List<String> SORTS = List.of("-updatedAt", "updatedAt", "-createdAt", "createdAt", "relevance",
            "priority,dueAt");

    // Time orders: "<instant>|<id>"; relevance: "r:<rank>|<id>"; the queue: "q:<priority>|<due or ->|<created>|<id>"
    // (a cursor of one order is refused by another).
    private static String encodeCursor(CaseSearch.Cursor cursor) {
        String raw;
        if (cursor.priority() != null) {
            raw = "q:" + cursor.priority().name() + "|" + (cursor.dueAt() == null ? "-" : cursor.dueAt().toString()) + "|"
                    + cursor.at() + "|" + cursor.id();
        } else {
            raw = (cursor.rank() != null ? "r:" + cursor.rank() : cursor.at().toString()) + "|" + cursor.id();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static CaseSearch.Cursor decodeCursor(String cursor, CaseSearch.Sort order) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (order == CaseSearch.Sort.PRIORITY_DUE) {
                return decodeQueueCursor(parts);
            }
            if (parts.length != 2) {
                throw new IllegalArgumentException("cursor has " + parts.length + " parts");
            }
            UUID id = UUID.fromString(parts[1]);
            if (order == CaseSearch.Sort.RELEVANCE) {
                if (!parts[0].startsWith("r:")) {
                    throw new IllegalArgumentException("not a relevance cursor");
                }
                float rank = Float.parseFloat(parts[0].substring(2));
                if (!Float.isFinite(rank)) {
                    throw new IllegalArgumentException("rank not finite");
                }
                return new CaseSearch.Cursor(null, rank, id);
            }
            Instant at = Instant.parse(parts[0]);
            if (!StrictJson.storable(at)) {
                throw new IllegalArgumentException("cursor instant out of range");
            }
            return new CaseSearch.Cursor(at, null, id);
        } catch (RuntimeException e) {
            throw invalid("cursor is not one this API returned");
        }
    }

    private static CaseSearch.Cursor decodeQueueCursor(String[] parts) {
        if (parts.length != 4 || !parts[0].startsWith("q:")) {
            throw new IllegalArgumentException("not a queue cursor");
        }
        Priority priority = Priority.valueOf(parts[0].substring(2));
        Instant due = parts[1].equals("-") ? null : Instant.parse(parts[1]);
        Instant created = Instant.parse(parts[2]);
        if (due != null && !StrictJson.storable(due) || !StrictJson.storable(created)) {
            throw new IllegalArgumentException("cursor instant out of range");
        }
        return new CaseSearch.Cursor(created, null, UUID.fromString(parts[3]), priority, due);
    }

    private static CaseRuleException invalid(String detail) {
        return new CaseRuleException(Kind.INVALID, "Invalid query", detail);
    }
}
