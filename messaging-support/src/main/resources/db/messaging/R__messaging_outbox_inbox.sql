-- The tables of casework-messaging-support (transactional outbox and idempotent inbox), the same in every service.
-- A repeatable migration: its version cannot clash with a service's own numbering, and Flyway runs it after the
-- service's versioned migrations whenever this file changes, so every statement here is idempotent. On a new database
-- it creates the tables; on an existing one it brings the copy that the service's own V1 created to this one shape,
-- keeping every row (unpublished events are relayed as before, processed event ids still count).

-- Outbox: written in the same transaction as the change, relayed to Kafka after commit, purged once published and
-- older than casework.outbox.published-retention.
CREATE TABLE IF NOT EXISTS outbox_event (
    seq            bigserial    PRIMARY KEY,
    id             uuid         NOT NULL UNIQUE,
    aggregate_id   varchar(320) NOT NULL,
    type           varchar(128) NOT NULL,
    payload        text         NOT NULL,
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz,
    traceparent    varchar(55),
    request_id     varchar(128)
);
-- case-service and sla-service had 64 characters; notification-service keys by e-mail address (320). Widening a
-- varchar does not rewrite the table.
ALTER TABLE outbox_event ALTER COLUMN aggregate_id TYPE varchar(320);
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent varchar(55);
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS request_id varchar(128);
-- case-service's rows named their topic; the relay now maps event types to topics (casework.outbox.topics). The
-- column stays, nullable, so that an instance of the previous release can still write during a rolling upgrade.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'outbox_event' AND column_name = 'topic') THEN
        ALTER TABLE outbox_event ALTER COLUMN topic DROP NOT NULL;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Inbox: an event id is applied once, in the same transaction as its effect; purged after
-- casework.inbox.retention (longer than any redelivery: Kafka keeps records for 7 days by default).
CREATE TABLE IF NOT EXISTS processed_message (
    event_id      varchar(128) PRIMARY KEY,
    type          varchar(128) NOT NULL,
    processed_at  timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS processed_message_processed_at ON processed_message (processed_at);
