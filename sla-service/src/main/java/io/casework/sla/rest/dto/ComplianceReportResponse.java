package io.casework.sla.rest.dto;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.service.ComplianceReportService;

@Schema(description = "SLA compliance of the targets started in [from, to), per group, as they stand now")
public record ComplianceReportResponse(
        @Schema(examples = "2026-11-01T00:00:00Z") Instant from,
        @Schema(examples = "2026-12-01T00:00:00Z") Instant to,
        @Schema(examples = "priority") String groupBy,
        @Schema(description = "Only this metric; null: both", examples = "FIRST_RESPONSE", nullable = true) String metric,
        @Schema(description = "One entry per priority, organization or product (null key: no product)") List<Group> groups,
        @Schema(description = "All groups together") Group total) {

    @Schema(description = "Counts of one group")
    public record Group(
            @Schema(examples = "P1", nullable = true) String key,
            @Schema(description = "Answered within the target") long met,
            @Schema(description = "Not answered within the target (answered late, or overdue)") long breached,
            @Schema(description = "Counting, not yet due") long running,
            @Schema(description = "Waiting on the customer or on a contract renewal") long paused,
            @Schema(description = "Case closed before the target was answered or due") long stopped,
            @Schema(description = "All targets of the group") long total,
            @Schema(description = "met / (met + breached) in percent, one decimal; null when nothing is decided yet",
                    examples = "92.5", nullable = true) Double compliancePercent) {

        public static Group from(ComplianceReportService.Row row) {
            return new Group(row.key(), row.met(), row.breached(), row.running(), row.paused(), row.stopped(),
                    row.total(), row.compliancePercent());
        }
    }
}
