package io.casework.sla.persistence;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.domain.SlaTerms;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a case's SLA terms as JSON text. */
@Converter
public class SlaTermsConverter implements AttributeConverter<SlaTerms, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(SlaTerms terms) {
        try {
            return terms == null ? null : JSON.writeValueAsString(terms);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store SLA terms", e);
        }
    }

    @Override
    public SlaTerms convertToEntityAttribute(String text) {
        try {
            return text == null ? null : JSON.readValue(text, SlaTerms.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable SLA terms: " + text, e);
        }
    }
}
