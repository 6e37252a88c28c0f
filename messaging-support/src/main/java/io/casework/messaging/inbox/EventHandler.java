package io.casework.messaging.inbox;

import io.cloudevents.CloudEvent;

/**
 * What a consumer does with an event it sees for the first time, inside the transaction of its batch: the state
 * change, and any outbox rows through {@code EventOutbox}. Throws {@link MalformedEventException} (or another
 * {@link IllegalArgumentException}) for an event no retry can apply; anything else is retried.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(CloudEvent event);
}
