package io.casework.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;

/** An {@link EventHandler} that also needs the record as received (its value, to pass an event on unchanged). */
@FunctionalInterface
public interface RecordHandler {

    void apply(CloudEvent event, ConsumerRecord<String, String> record);
}
