package io.casework.status.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    public static IncidentRuleException stateNotAllowed(IncidentKind kind, IncidentState state) {
        String states = Arrays.stream(IncidentState.values()).filter(kind::allows).map(Enum::name)
                .collect(Collectors.joining(", "));
        return new IncidentRuleException(Kind.INVALID, "State not allowed",
                (kind == IncidentKind.INCIDENT ? "An incident" : "Maintenance") + " cannot be " + state
                        + "; its states are " + states);
    }

    /** A draft is only seen by publishers: it takes updates, subscriptions or a postmortem once published. */
    public static IncidentRuleException draft(String number) {
        return new IncidentRuleException(Kind.CONFLICT, "Incident is a draft", "Incident " + number
                + " is a draft: publish it first (POST .../publication)");
    }

    public static IncidentRuleException notDraft(String number) {
        return new IncidentRuleException(Kind.CONFLICT, "Incident already published", "Incident " + number
                + " is already published");
    }

    /** A postmortem reports on what happened: only once it is over. */
    public static IncidentRuleException notResolved(String number) {
        return new IncidentRuleException(Kind.CONFLICT, "Incident not resolved", "Incident " + number
                + " is not resolved yet: attach its report after resolving it");
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
