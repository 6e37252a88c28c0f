package io.casework.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON bodies are read strictly: a key given twice is refused rather than one of them silently winning (it also
 * kept Jackson from failing with a 500 on records of one property), and text may not contain NUL, which PostgreSQL
 * cannot store (it failed the transaction with a 500). Instants and dates must fall in the years 1 to 9999: ISO 8601
 * allows +999999999-12-31, which PostgreSQL cannot store or compare either. All are 400 problems.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus registers its modules (JavaTimeModule among them): the module registered last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("casework-strict-text").addDeserializer(String.class, new NoNulText())
                .addDeserializer(Instant.class, new BoundedInstant()).addDeserializer(LocalDate.class, new BoundedDate()));
    }

    static final class NoNulText extends StdScalarDeserializer<String> {

        NoNulText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, "Text must not contain the NUL character (U+0000)", text,
                        String.class);
            }
            return text;
        }
    }

    /** Whether PostgreSQL (and people) can take this instant: the years 1 to 9999, as JSON bodies must have them. */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(BEYOND);
    }

    /** The first instant PostgreSQL and people both handle: 0001-01-01T00:00:00Z. */
    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    /** The first instant past the year 9999. */
    static final Instant BEYOND = Instant.parse("+10000-01-01T00:00:00Z");

    static final class BoundedInstant extends StdScalarDeserializer<Instant> {

        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (value != null && !storable(value)) {
                throw InvalidFormatException.from(parser, "Instants must fall in the years 1 to 9999", value.toString(),
                        Instant.class);
            }
            return value;
        }
    }

    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
                throw InvalidFormatException.from(parser, "Dates must fall in the years 1 to 9999", value.toString(),
                        LocalDate.class);
            }
            return value;
        }
    }
}
