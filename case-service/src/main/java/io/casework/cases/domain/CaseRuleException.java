package io.casework.cases.domain;

import java.util.Map;

/**
 * A business rule refused the request. {@link Kind} says how the API answers; {@code parameters} are
 * extra members of the problem document (e.g. the link to file a follow-up case).
 */
public class CaseRuleException extends RuntimeException {

    public enum Kind {
        FORBIDDEN(403),
        CONFLICT(409),
        GONE(410),
        PRECONDITION_FAILED(412),
        UNPROCESSABLE(422),
        PRECONDITION_REQUIRED(428),
        INVALID(400);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String title;
    private final transient Map<String, Object> parameters;

    public CaseRuleException(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of());
    }

    public CaseRuleException(Kind kind, String title, String detail, Map<String, Object> parameters) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.parameters = parameters;
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
