package io.casework.rest;

import java.io.CharConversionException;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/**
 * A JSON body of the wrong shape (an array where a text is expected, a string for the whole object) or of bytes
 * that are no Unicode as a 400 problem. Without this, Quarkus's built-in mapper answered the former with its own
 * JSON, or with an empty body when the mismatch is at the root, and the latter was a 500.
 */
public class JsonInputProblemMapper {

    @ServerExceptionMapper
    Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonInputProblemMapper::segment).collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        HttpProblem.Builder problem = HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request");
        if (field.isEmpty()) {
            problem.withDetail("The request body is not the JSON object this operation expects");
        } else {
            problem.withDetail("Field '" + field + "' has the wrong type").with("field", field);
        }
        return problem.build().toResponse();
    }

    /** Bytes that are no valid Unicode (Jackson guesses UTF-16 or UTF-32 from leading NUL bytes). */
    @ServerExceptionMapper
    Response notUnicode(CharConversionException e) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail("The request body is not valid UTF-8 JSON").build().toResponse();
    }

    private static String segment(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }
}
