package io.casework.messaging.inbox;

/** An inbound record or event that no retry can make sense of: it goes straight to the dead-letter topic. */
public class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
