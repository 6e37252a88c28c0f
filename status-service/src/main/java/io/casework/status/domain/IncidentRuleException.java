package io.casework.status.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A rule of incident publishing refused the request. {@link Kind} says how the API answers;
 * {@code parameters} are extra members of the problem document (e.g. the unknown product ids).
 */
public class IncidentRuleException extends RuntimeException {

    public enum Kind {
        INVALID(400),
        CONFLICT(409),
        PRECONDITION_FAILED(412),
        PRECONDITION_REQUIRED(428);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String title;
    private final transient Map<String, Object> parameters;

    public IncidentRuleException(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of());
    }

    public IncidentRuleException(Kind kind, String title, String detail, Map<String, Object> parameters) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.parameters = parameters;
    }

    /** The incident names products that are not in the catalogue. */
    public static IncidentRuleException unknownProducts(Collection<String> ids) {
        return new IncidentRuleException(Kind.INVALID, "Unknown products",
                "Unknown product id(s): " + String.join(", ", ids) + ". GET /api/v1/status/products lists the known ones",
                Map.of("unknownProducts", List.copyOf(ids)));
    }

    /** A resolved incident's timeline is closed: a recurrence is a new incident. */
    public static IncidentRuleException resolved(String number) {
        return new IncidentRuleException(Kind.CONFLICT, "Incident resolved", "Incident " + number
                + " is resolved and takes no more updates; publish a new incident if the problem is back");
    }

    /** If-Match does not name the current version: someone updated the incident since the caller read it. */
    public static IncidentRuleException changed(String number, long currentVersion) {
        return new IncidentRuleException(Kind.PRECONDITION_FAILED, "Incident changed", "Incident " + number
                + " was updated since you read it: read it again, then retry with its current ETag",
                Map.of("currentVersion", currentVersion));
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
