package io.casework.sla.domain.coverage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** Live support channels whose hours depend on the language (seeds 000/001); e-mail and the portal are always open. */
@Schema(name = "CoverageChannel") // case-service has a Channel too, in the merged OpenAPI document
public enum Channel {
    CHAT,
    PHONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code chat} or {@code phone}, case-insensitively; anything else is an error. */
    public static Channel parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new UnknownCoverageException("Unknown channel '" + value + "': use "
                        + Arrays.stream(values()).map(Channel::id).collect(Collectors.joining(" or "))));
    }
}
