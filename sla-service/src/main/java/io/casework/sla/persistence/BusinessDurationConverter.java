package io.casework.sla.persistence;

import io.casework.sla.domain.calendar.BusinessDuration;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores business durations as ISO-8601 text (P1DT4H), days kept apart from hours. */
@Converter
public class BusinessDurationConverter implements AttributeConverter<BusinessDuration, String> {

    @Override
    public String convertToDatabaseColumn(BusinessDuration duration) {
        return duration == null ? null : duration.toString();
    }

    @Override
    public BusinessDuration convertToEntityAttribute(String text) {
        return text == null ? null : BusinessDuration.parse(text);
    }
}
