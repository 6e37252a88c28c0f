-- Plans (entitlements) are data: one first-response target per priority.
CREATE TABLE plan (
    id                         varchar(64)  PRIMARY KEY,
    name                       varchar(128) NOT NULL,
    escalation_allowed         boolean      NOT NULL,
    around_the_clock_critical  boolean      NOT NULL,
    version                    bigint       NOT NULL
);

CREATE TABLE plan_target (
    plan_id         varchar(64) NOT NULL REFERENCES plan (id),
    priority        varchar(2)  NOT NULL CONSTRAINT plan_target_priority_known CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    -- ISO-8601 duration, e.g. PT4H
    first_response  varchar(32) NOT NULL,
    -- ALWAYS = 24/7; BUSINESS_HOURS arrives with business calendars
    clock           varchar(16) NOT NULL CONSTRAINT plan_target_clock_known CHECK (clock IN ('ALWAYS')),
    PRIMARY KEY (plan_id, priority)
);

-- Seed plans. The seeds' default policy is "first response within one business day"; business-hours clocks
-- arrive with business calendars, so until then that day is written as 24 hours on the 24/7 clock.
INSERT INTO plan (id, name, escalation_allowed, around_the_clock_critical, version) VALUES
    ('standard', 'Standard', false, false, 1),
    ('premier',  'Premier',  true,  true,  1);

INSERT INTO plan_target (plan_id, priority, first_response, clock) VALUES
    ('standard', 'P1', 'PT4H',  'ALWAYS'),
    ('standard', 'P2', 'PT8H',  'ALWAYS'),
    ('standard', 'P3', 'PT24H', 'ALWAYS'),
    ('standard', 'P4', 'PT24H', 'ALWAYS'),
    ('premier',  'P1', 'PT1H',  'ALWAYS'),
    ('premier',  'P2', 'PT2H',  'ALWAYS'),
    ('premier',  'P3', 'PT8H',  'ALWAYS'),
    ('premier',  'P4', 'PT24H', 'ALWAYS');

-- The plan each organization bought. Filled from organization events once case-service publishes them;
-- organizations not listed get casework.sla.default-plan.
CREATE TABLE organization_plan (
    organization  varchar(64) PRIMARY KEY,
    plan_id       varchar(64) NOT NULL REFERENCES plan (id)
);

-- Demo data: the acme organization of the demo realm is a Premier customer.
INSERT INTO organization_plan (organization, plan_id) VALUES ('acme', 'premier');

-- SLA clocks: one per case and metric; plan, priority and clock are copied when the clock starts.
CREATE TABLE sla_clock (
    id            uuid         PRIMARY KEY,
    case_id       uuid         NOT NULL,
    metric        varchar(32)  NOT NULL,
    organization  varchar(64)  NOT NULL,
    priority      varchar(2)   NOT NULL,
    plan_id       varchar(64)  NOT NULL REFERENCES plan (id),
    clock         varchar(16)  NOT NULL,
    state         varchar(16)  NOT NULL,
    started_at    timestamptz  NOT NULL,
    target_at     timestamptz  NOT NULL,
    version       bigint       NOT NULL,
    CONSTRAINT sla_clock_one_per_case_metric UNIQUE (case_id, metric)
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
