package io.casework.sla.domain;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One canonical level, two naming schemes (P1..P4 and Critical..Minor); the API accepts both. The
 * definitions and examples are the seeds' (SPEC.md, Priority).
 */
@Schema(name = "Priority", type = SchemaType.STRING, description = "Either scheme: P1..P4 or CRITICAL, SEVERE, MODERATE, "
        + "MINOR (the same four levels); answers carry both as priority and severity",
        enumeration = { "P1", "P2", "P3", "P4", "CRITICAL", "SEVERE", "MODERATE", "MINOR" })
public enum Priority {
    P1("CRITICAL",
            "Critical access problem affecting several users; the service is down or unusable; no workaround.",
            "Widespread mail delivery delays hitting most messages."),
    P2("SEVERE",
            "Critical access problem for one user, or a problem that hinders collaboration; no acceptable workaround.",
            "One user cannot open mail and sees an \"Error 500\" page."),
    P3("MODERATE",
            "The product is not working as expected, but a workaround exists.",
            "A group post cannot be deleted with the button, but can by editing the URL."),
    P4("MINOR",
            "The product works, but not as wished; no workaround is needed.",
            "A user cannot easily add words to the spell-check dictionary.");

    private final String severity;
    private final String definition;
    private final String example;

    Priority(String severity, String definition, String example) {
        this.severity = severity;
        this.definition = definition;
        this.example = example;
    }

    public int level() {
        return ordinal() + 1;
    }

    public String severity() {
        return severity;
    }

    public String definition() {
        return definition;
    }

    public String example() {
        return example;
    }

    @JsonValue
    public String code() {
        return name();
    }

    /** Parses either scheme, case-insensitively; anything else is an error, never a default. */
    @JsonCreator
    public static Priority parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.name().equals(normalized) || p.severity.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown priority '" + value + "': use P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR"));
    }
}
