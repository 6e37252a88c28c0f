package io.casework.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.sla.domain.Metric;
import io.casework.sla.rest.dto.ComplianceReportResponse;
import io.casework.sla.service.ComplianceReportService;
import io.casework.sla.service.ComplianceReportService.GroupBy;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/reports")
@Tag(name = "Reports", description = "SLA compliance for operations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ReportResource {

    /** A report scans the targets of its period; more than two years is not a dashboard question. */
    private static final Duration MAX_PERIOD = Duration.ofDays(731);

    private final ComplianceReportService reports;

    ReportResource(ComplianceReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("compliance")
    @RolesAllowed({ "ops", "admin", "agent" })
    @Operation(operationId = "getComplianceReport", summary = "SLA compliance per priority, organization or product", description = "Counts the targets "
            + "(first responses and periodic-update cycles) started in [from, to) by where they stand now: met, "
            + "breached, running, paused, stopped. Compliance is met / (met + breached) in percent.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Missing or malformed period, unknown groupBy or metric")
    @APIResponse(responseCode = "403", description = "Not ops, admin or agent")
    public ComplianceReportResponse compliance(
            @Parameter(description = "ISO-8601 instant, inclusive", example = "2026-11-01T00:00:00Z", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive", example = "2026-12-01T00:00:00Z", required = true)
            @QueryParam("to") String to,
            @Parameter(description = "priority (default), organization or product", example = "priority")
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "FIRST_RESPONSE or PERIODIC_UPDATE; default both") @QueryParam("metric") String metric) {
        Instant start = CalendarResource.instant("from", from);
        Instant end = CalendarResource.instant("to", to);
        if (!end.isAfter(start)) {
            throw new BadRequestException("to must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new BadRequestException("A report covers at most 731 days");
        }
        GroupBy grouping = parse(GroupBy.class, "groupBy", groupBy == null ? "priority" : groupBy);
        Metric onlyMetric = metric == null ? null : parse(Metric.class, "metric", metric);
        ComplianceReportService.Report report = reports.compliance(start, end, grouping, onlyMetric);
        return new ComplianceReportResponse(start, end, grouping.name().toLowerCase(Locale.ROOT),
                onlyMetric == null ? null : onlyMetric.name(),
                report.groups().stream().map(ComplianceReportResponse.Group::from).toList(),
                ComplianceReportResponse.Group.from(report.total()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new BadRequestException("Unknown " + name + " '" + value + "': use "
                        + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
