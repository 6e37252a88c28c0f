CREATE SEQUENCE case_number_seq;

CREATE TABLE support_case (
    id                     uuid PRIMARY KEY,
    number                 varchar(32)  NOT NULL UNIQUE,
    organization           varchar(64)  NOT NULL,
    product                varchar(128) NOT NULL,
    subject                varchar(255) NOT NULL,
    description            text         NOT NULL,
    priority               varchar(2)   NOT NULL,
    state                  varchar(32)  NOT NULL,
    creator                varchar(255) NOT NULL,
    contact_email          varchar(320) NOT NULL,
    language               varchar(8)   NOT NULL,
    channel                varchar(16)  NOT NULL,
    first_response_due_at  timestamptz,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL
);
CREATE INDEX support_case_org_updated ON support_case (organization, updated_at DESC);

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka after commit.
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

-- Idempotent consumer: an event id is applied once, in the same transaction as its effect.
CREATE TABLE processed_message (
    event_id      varchar(128) PRIMARY KEY,
    type          varchar(128) NOT NULL,
    processed_at  timestamptz  NOT NULL
);
