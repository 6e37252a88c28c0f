-- One row per (event, recipient): the mail it caused and how sending went. Bodies are never stored.
CREATE TABLE delivery (
    id          uuid          PRIMARY KEY,
    event_id    varchar(128)  NOT NULL,
    recipient   varchar(320)  NOT NULL,
    kind        varchar(32)   NOT NULL,
    case_id     uuid,
    language    varchar(8)    NOT NULL,
    subject     varchar(512)  NOT NULL,
    status      varchar(16)   NOT NULL,
    attempts    integer       NOT NULL,
    last_error  varchar(1000),
    created_at  timestamptz   NOT NULL,
    sent_at     timestamptz,
    CONSTRAINT delivery_once_per_event_and_recipient UNIQUE (event_id, recipient)
);
CREATE INDEX delivery_case_log ON delivery (case_id, created_at, id);

-- A person's notification preferences, keyed by their (lower-case) e-mail address.
CREATE TABLE preference (
    email         varchar(320) PRIMARY KEY,
    language      varchar(8)   NOT NULL,
    case_updates  boolean      NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL
);

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka after commit.
CREATE TABLE outbox_event (
    seq            bigserial    PRIMARY KEY,
    id             uuid         NOT NULL UNIQUE,
    aggregate_id   varchar(320) NOT NULL,
    type           varchar(128) NOT NULL,
    payload        text         NOT NULL,
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumer: an event id is applied once, in the same transaction as its effect.
CREATE TABLE processed_message (
    event_id      varchar(128) PRIMARY KEY,
    type          varchar(128) NOT NULL,
    processed_at  timestamptz  NOT NULL
);
