ALTER TABLE support_case
    ADD COLUMN cc_emails           text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN related_case_ids    uuid[]       NOT NULL DEFAULT '{}',
    ADD COLUMN known_issue_id      varchar(64),
    ADD COLUMN filed_by_reseller   varchar(64),
    ADD COLUMN details             jsonb        NOT NULL DEFAULT '{}',
    ADD COLUMN assignee            varchar(320),
    ADD COLUMN escalated           boolean      NOT NULL DEFAULT false,
    ADD COLUMN escalation_reason   varchar(32),
    ADD COLUMN escalated_at        timestamptz,
    ADD COLUMN resolution_code     varchar(32),
    ADD COLUMN resolution_note     text,
    ADD COLUMN state_before_hold   varchar(32),
    ADD COLUMN reopen_count        integer      NOT NULL DEFAULT 0,
    ADD COLUMN first_responded_at  timestamptz,
    ADD COLUMN resolved_at         timestamptz,
    ADD COLUMN closed_at           timestamptz,
    ADD COLUMN survey_rating       smallint,
    ADD COLUMN survey_comment      text,
    ADD COLUMN survey_answered_at  timestamptz;

CREATE INDEX support_case_updated ON support_case (updated_at DESC, id DESC);
CREATE INDEX support_case_created ON support_case (created_at DESC, id DESC);
CREATE INDEX support_case_state ON support_case (state);
CREATE INDEX support_case_assignee ON support_case (assignee) WHERE assignee IS NOT NULL;

CREATE TABLE case_comment (
    id          uuid         PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES support_case (id),
    author      varchar(320) NOT NULL,
    author_kind varchar(16)  NOT NULL,
    visibility  varchar(16)  NOT NULL,
    body        text         NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX case_comment_case ON case_comment (case_id, created_at);

-- Every change of a case: who, when, what, why. Comments are in case_comment; e-mail bodies never.
CREATE TABLE case_history (
    id          bigserial    PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES support_case (id),
    at          timestamptz  NOT NULL,
    actor       varchar(320) NOT NULL,
    action      varchar(32)  NOT NULL,
    field       varchar(64),
    old_value   text,
    new_value   text,
    reason      text
);
CREATE INDEX case_history_case ON case_history (case_id, id);

-- Idempotency-Key on POST: a retried request returns the first result; another body under the key is refused.
CREATE TABLE idempotency_record (
    caller        varchar(320) NOT NULL,
    idem_key      varchar(255) NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    case_id       uuid         NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (caller, idem_key)
);

-- What case-service needs to know of an organization's plan (escalation); issue 5 manages organizations.
CREATE TABLE organization (
    id        varchar(64)  PRIMARY KEY,
    name      varchar(255) NOT NULL,
    plan_id   varchar(64)  NOT NULL
);
CREATE TABLE plan_entitlement (
    plan_id             varchar(64) PRIMARY KEY,
    escalation_allowed  boolean     NOT NULL
);
INSERT INTO plan_entitlement (plan_id, escalation_allowed) VALUES ('standard', false), ('premier', true);
INSERT INTO organization (id, name, plan_id) VALUES
    ('acme', 'Acme Corporation', 'premier'),
    ('globex', 'Globex', 'standard'),
    ('resellco', 'ResellCo', 'standard');
