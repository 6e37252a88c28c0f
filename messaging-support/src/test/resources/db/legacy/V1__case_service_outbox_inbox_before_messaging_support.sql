-- The outbox and inbox as case-service's own migrations left them (V1, V4, V6) before casework-messaging-support.
CREATE TABLE outbox_event (
    seq            bigserial    PRIMARY KEY,
    id             uuid         NOT NULL UNIQUE,
    aggregate_id   varchar(64)  NOT NULL,
    type           varchar(128) NOT NULL,
    payload        text         NOT NULL,
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE TABLE processed_message (
    event_id      varchar(128) PRIMARY KEY,
    type          varchar(128) NOT NULL,
    processed_at  timestamptz  NOT NULL
);
ALTER TABLE outbox_event ADD COLUMN topic varchar(128) NOT NULL DEFAULT 'casework.case-events';
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
ALTER TABLE outbox_event ADD COLUMN request_id varchar(128);
