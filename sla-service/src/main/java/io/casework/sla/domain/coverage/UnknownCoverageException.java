package io.casework.sla.domain.coverage;

/** A channel or language that support does not offer. */
public class UnknownCoverageException extends IllegalArgumentException {

    public UnknownCoverageException(String message) {
        super(message);
    }
}
