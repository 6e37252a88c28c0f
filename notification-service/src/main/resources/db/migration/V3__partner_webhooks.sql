-- Who manages each organization, from case-service's org events: a partner's webhooks get a client's case
-- events only while it manages the client with access granted, and only for cases filed since it took over.
CREATE TABLE organization (
    organization_id  varchar(128) PRIMARY KEY,
    reseller         varchar(128),
    reseller_access  boolean      NOT NULL,
    -- when the current reseller took over; null when unknown (no case is then delivered to it)
    reseller_since   timestamptz,
    updated_at       timestamptz  NOT NULL
);

-- When the case was filed (from io.casework.case.opened): the later case events do not carry it.
ALTER TABLE known_case ADD COLUMN created_at timestamptz;

-- A partner organization's HTTPS endpoint for case events. The signing secret is needed to sign each
-- delivery, so it is kept; the API shows it once, at registration.
CREATE TABLE webhook (
    id            uuid           PRIMARY KEY,
    organization  varchar(128)   NOT NULL,
    url           varchar(2048)  NOT NULL,
    event_types   varchar(2048)  NOT NULL,
    description   varchar(500),
    secret        varchar(128)   NOT NULL,
    created_by    varchar(320)   NOT NULL,
    created_at    timestamptz    NOT NULL
);
CREATE INDEX webhook_organization ON webhook (organization, created_at, id);

-- One row per (webhook, event): a redelivered event finds its row and is not sent again. The body is the
-- CloudEvent as received, signed anew at each attempt.
CREATE TABLE webhook_delivery (
    id                uuid           PRIMARY KEY,
    webhook_id        uuid           NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id          varchar(128)   NOT NULL,
    event_type        varchar(128)   NOT NULL,
    case_id           uuid,
    payload           text           NOT NULL,
    attempt           integer        NOT NULL,
    status            varchar(16)    NOT NULL,
    next_attempt_at   timestamptz    NOT NULL,
    last_status_code  integer,
    last_error        varchar(1000),
    created_at        timestamptz    NOT NULL,
    delivered_at      timestamptz,
    CONSTRAINT webhook_delivery_once_per_event UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at, id);
