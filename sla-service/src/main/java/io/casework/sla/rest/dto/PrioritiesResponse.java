package io.casework.sla.rest.dto;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.ImpactAssessment;
import io.casework.sla.domain.Priority;
import io.casework.sla.domain.PriorityCatalog;

@Schema(description = "The priority scale: one canonical level, two naming schemes, texts in en, fr and nl")
public record PrioritiesResponse(
        @Schema(description = "The naming schemes; the API accepts names of both") List<Scheme> schemes,
        @Schema(description = "The levels, most urgent first") List<Level> levels,
        @Schema(description = "The rules of POST /api/v1/sla/priorities/suggest, in the order they are tried")
        List<PrioritySuggestionResponse.Rule> suggestionRules) {

    @Schema(description = "A naming scheme")
    public record Scheme(@Schema(examples = "SEVERITY") String id, @Schema(examples = "[\"CRITICAL\"]") List<String> names) {
    }

    @Schema(description = "One level with its names in both schemes and its texts per language")
    public record Level(
            @Schema(examples = "1") int level,
            @Schema(description = "Name in the P scheme", examples = "P1") String p,
            @Schema(description = "Name in the severity scheme", examples = "CRITICAL") String severity,
            @Schema(description = "Per language (en, fr, nl): display name, definition, seed example and source")
            Map<String, PriorityCatalog.Text> texts) {
    }

    public static PrioritiesResponse current() {
        List<Level> levels = Arrays.stream(Priority.values()).map(p -> {
            Map<String, PriorityCatalog.Text> texts = new LinkedHashMap<>();
            PriorityCatalog.LANGUAGES.forEach(language -> texts.put(language, PriorityCatalog.text(p, language)));
            return new Level(p.level(), p.code(), p.severity(), texts);
        }).toList();
        return new PrioritiesResponse(
                List.of(new Scheme("P", Arrays.stream(Priority.values()).map(Priority::code).toList()),
                        new Scheme("SEVERITY", Arrays.stream(Priority.values()).map(Priority::severity).toList())),
                levels,
                Arrays.stream(ImpactAssessment.Rule.values())
                        .map(r -> new PrioritySuggestionResponse.Rule(r.name(), r.description())).toList());
    }
}
