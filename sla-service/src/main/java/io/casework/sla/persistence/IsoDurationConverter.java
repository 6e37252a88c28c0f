package io.casework.sla.persistence;

import java.time.Duration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores durations as ISO-8601 text (PT4H), readable in the database and in Flyway seeds. */
@Converter
public class IsoDurationConverter implements AttributeConverter<Duration, String> {

    @Override
    public String convertToDatabaseColumn(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    @Override
    public Duration convertToEntityAttribute(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
