CREATE TABLE product (
    id          varchar(64)  PRIMARY KEY,
    name        varchar(128) NOT NULL,
    status      varchar(32)  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
-- Cases name products in free text: a name must identify one product whatever its case.
CREATE UNIQUE INDEX product_name_lower ON product (lower(name));

CREATE SEQUENCE incident_number_seq;

CREATE TABLE incident (
    id           uuid PRIMARY KEY,
    number       varchar(32)  NOT NULL UNIQUE,
    title        varchar(255) NOT NULL,
    severity     varchar(16)  NOT NULL,
    state        varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    resolved_at  timestamptz,
    version      bigint       NOT NULL
);
-- The public list pages newest first.
CREATE INDEX incident_created ON incident (created_at DESC, id DESC);

CREATE TABLE incident_product (
    incident_id  uuid        NOT NULL REFERENCES incident (id),
    product_id   varchar(64) NOT NULL REFERENCES product (id),
    PRIMARY KEY (incident_id, product_id)
);
-- A product's status is recomputed from the incidents that affect it.
CREATE INDEX incident_product_product ON incident_product (product_id);

CREATE TABLE incident_region (
    incident_id  uuid        NOT NULL REFERENCES incident (id),
    region       varchar(16) NOT NULL,
    PRIMARY KEY (incident_id, region)
);

-- The timeline: seq counts an incident's updates from 1 (the initial message).
CREATE TABLE incident_update (
    incident_id  uuid         NOT NULL REFERENCES incident (id),
    seq          integer      NOT NULL,
    state        varchar(16)  NOT NULL,
    message      text         NOT NULL,
    author       varchar(320) NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- Cases opened per product and hour, from case-service's events: the basis of incident detection.
-- product is a product id when the case's free-text product matched one, else the text as filed.
CREATE TABLE case_rate (
    product     varchar(128) NOT NULL,
    hour_start  timestamptz  NOT NULL,
    cases       integer      NOT NULL,
    PRIMARY KEY (product, hour_start)
);

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
