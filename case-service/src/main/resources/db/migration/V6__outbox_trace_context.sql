-- Trace context of the change that wrote an outbox row (issue 11): the relay publishes the record as a child of
-- this W3C traceparent, so one trace follows a request across Kafka; and the request id for ops consumers.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
ALTER TABLE outbox_event ADD COLUMN request_id varchar(128);
