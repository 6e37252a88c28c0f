-- Business calendars: rules are code (Calendars.java); date overrides are data.
CREATE TABLE calendar_override (
    calendar_id  varchar(32)  NOT NULL,
    day          date         NOT NULL,
    kind         varchar(16)  NOT NULL CONSTRAINT calendar_override_kind_known CHECK (kind IN ('CLOSED', 'SHORTENED', 'WORKING')),
    opens        time,
    closes       time,
    reason       varchar(200),
    updated_by   varchar(320) NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (calendar_id, day),
    CONSTRAINT calendar_override_hours CHECK ((opens IS NULL) = (closes IS NULL) AND (opens IS NULL OR opens < closes))
);

-- Bumped with every override change, so that every instance recompiles its cached calendar.
CREATE TABLE calendar_revision (
    calendar_id  varchar(32) PRIMARY KEY,
    revision     bigint      NOT NULL
);

-- Plans: the calendar of business-hours targets, chat/phone entitlement, a periodic-update target per priority.
ALTER TABLE plan
    ADD COLUMN calendar_id   varchar(32) NOT NULL DEFAULT 'americas',
    ADD COLUMN chat_support  boolean     NOT NULL DEFAULT false,
    ADD COLUMN phone_support boolean     NOT NULL DEFAULT false;
ALTER TABLE plan ALTER COLUMN calendar_id DROP DEFAULT;

ALTER TABLE plan_target ADD COLUMN periodic_update varchar(32);
ALTER TABLE plan_target DROP CONSTRAINT plan_target_clock_known;
ALTER TABLE plan_target ADD CONSTRAINT plan_target_clock_known CHECK (clock IN ('ALWAYS', 'BUSINESS_HOURS'));

-- Seed defaults, now on business calendars. Standard: "first response within one business day" (seeds 000/001/004),
-- faster for P1/P2. Premier bought 24/7 handling of P1/P2 (seed 003), chat and phone.
UPDATE plan SET chat_support = true, phone_support = false, version = version + 1 WHERE id = 'standard';
UPDATE plan SET chat_support = true, phone_support = true, version = version + 1 WHERE id = 'premier';
UPDATE plan_target SET first_response = 'PT4H',  periodic_update = 'PT4H', clock = 'BUSINESS_HOURS' WHERE plan_id = 'standard' AND priority = 'P1';
UPDATE plan_target SET first_response = 'PT8H',  periodic_update = 'P1D',  clock = 'BUSINESS_HOURS' WHERE plan_id = 'standard' AND priority = 'P2';
UPDATE plan_target SET first_response = 'P1D',   periodic_update = 'P2D',  clock = 'BUSINESS_HOURS' WHERE plan_id = 'standard' AND priority = 'P3';
UPDATE plan_target SET first_response = 'P1D',   periodic_update = 'P5D',  clock = 'BUSINESS_HOURS' WHERE plan_id = 'standard' AND priority = 'P4';
UPDATE plan_target SET first_response = 'PT1H',  periodic_update = 'PT2H', clock = 'ALWAYS'         WHERE plan_id = 'premier'  AND priority = 'P1';
UPDATE plan_target SET first_response = 'PT2H',  periodic_update = 'PT4H', clock = 'ALWAYS'         WHERE plan_id = 'premier'  AND priority = 'P2';
UPDATE plan_target SET first_response = 'PT8H',  periodic_update = 'P1D',  clock = 'BUSINESS_HOURS' WHERE plan_id = 'premier'  AND priority = 'P3';
UPDATE plan_target SET first_response = 'P1D',   periodic_update = 'P2D',  clock = 'BUSINESS_HOURS' WHERE plan_id = 'premier'  AND priority = 'P4';
UPDATE plan_target SET periodic_update = first_response WHERE periodic_update IS NULL;
ALTER TABLE plan_target ALTER COLUMN periodic_update SET NOT NULL;

-- The region (calendar) of an organization's support; null: its plan's calendar.
ALTER TABLE organization_plan ADD COLUMN calendar_id varchar(32);

-- The SLA terms a case runs under, copied from its plan revision when it was opened, so that a priority change
-- recomputes from the same revision and a later plan change never rewrites them.
CREATE TABLE case_sla (
    case_id       uuid         PRIMARY KEY,
    organization  varchar(64)  NOT NULL,
    product       varchar(128),
    priority      varchar(2)   NOT NULL,
    plan_id       varchar(64)  NOT NULL,
    plan_version  bigint       NOT NULL,
    -- JSON: per priority, the first-response and periodic-update durations and the calendar they run on
    terms         text         NOT NULL,
    case_state    varchar(24)  NOT NULL,
    opened_at     timestamptz  NOT NULL,
    version       bigint       NOT NULL
);

-- Live clocks: one row per target (first response; each periodic-update cycle).
ALTER TABLE sla_clock DROP CONSTRAINT sla_clock_one_per_case_metric;
ALTER TABLE sla_clock
    ADD COLUMN cycle          integer     NOT NULL DEFAULT 0,
    ADD COLUMN plan_version   bigint      NOT NULL DEFAULT 1,
    ADD COLUMN calendar_id    varchar(32) NOT NULL DEFAULT '24x7',
    ADD COLUMN product        varchar(128),
    ADD COLUMN target         varchar(32),
    ADD COLUMN target_nanos   bigint,
    ADD COLUMN elapsed_nanos  bigint      NOT NULL DEFAULT 0,
    ADD COLUMN running_since  timestamptz,
    ADD COLUMN warn_at        timestamptz,
    ADD COLUMN warned_at      timestamptz,
    ADD COLUMN breached_at    timestamptz,
    ADD COLUMN completed_at   timestamptz,
    ADD COLUMN stopped_at     timestamptz,
    ADD COLUMN next_fire_at   timestamptz;
-- Clocks of the first slice ran 24/7 from their start.
UPDATE sla_clock SET target_nanos = (extract(epoch FROM target_at - started_at) * 1000000000)::bigint,
                     target = 'PT' || (extract(epoch FROM target_at - started_at))::bigint || 'S',
                     running_since = started_at, next_fire_at = target_at;
ALTER TABLE sla_clock ALTER COLUMN target SET NOT NULL, ALTER COLUMN target_nanos SET NOT NULL,
    ALTER COLUMN target_at DROP NOT NULL;
ALTER TABLE sla_clock ADD CONSTRAINT sla_clock_one_per_target UNIQUE (case_id, metric, cycle);
ALTER TABLE sla_clock ADD CONSTRAINT sla_clock_state_known
    CHECK (state IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'));
-- The firing scheduler claims due rows in this order (FOR UPDATE SKIP LOCKED).
CREATE INDEX sla_clock_due ON sla_clock (next_fire_at) WHERE next_fire_at IS NOT NULL;
-- Compliance reports select by due time.
CREATE INDEX sla_clock_target_at ON sla_clock (target_at);
