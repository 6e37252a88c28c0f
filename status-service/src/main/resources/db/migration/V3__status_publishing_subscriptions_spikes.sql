-- Incidents grow into known issues and scheduled maintenance (issue 8).
ALTER TABLE incident
    ADD COLUMN kind                varchar(16),
    ADD COLUMN summary             text,
    ADD COLUMN impact              varchar(16),
    ADD COLUMN visibility          varchar(16),
    -- A draft (e.g. from spike detection) is seen by publishers only, until one of them publishes it.
    ADD COLUMN draft               boolean NOT NULL DEFAULT false,
    ADD COLUMN begins_at           timestamptz,
    ADD COLUMN ends_at             timestamptz,
    ADD COLUMN window_start        timestamptz,
    ADD COLUMN window_end          timestamptz,
    ADD COLUMN postmortem_url      varchar(2048),
    ADD COLUMN postmortem_summary  text,
    ADD COLUMN postmortem_at       timestamptz;
UPDATE incident SET kind = 'INCIDENT', visibility = 'PUBLIC', begins_at = created_at, ends_at = resolved_at,
    impact = CASE WHEN severity IN ('HIGH', 'CRITICAL') THEN 'OUTAGE' ELSE 'DISRUPTION' END;
ALTER TABLE incident
    ALTER COLUMN kind SET NOT NULL,
    ALTER COLUMN impact SET NOT NULL,
    ALTER COLUMN visibility SET NOT NULL,
    ALTER COLUMN begins_at SET NOT NULL,
    ALTER COLUMN draft DROP DEFAULT;
-- Open incidents, for the banner and product status.
CREATE INDEX incident_open ON incident (created_at) WHERE state <> 'RESOLVED';

-- Bumped by every change the public views show: caches (JSON, feeds, page) rebuild when it moves.
CREATE TABLE status_revision (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    revision    bigint      NOT NULL,
    changed_at  timestamptz NOT NULL
);
INSERT INTO status_revision (id, revision, changed_at) VALUES (1, 1, now());

-- "Me too": a customer joins a known issue; case-service opens one linked case per subscription.
CREATE TABLE incident_subscription (
    incident_id       uuid         NOT NULL REFERENCES incident (id),
    subscriber_email  varchar(320) NOT NULL,
    organization      varchar(128),
    subscribed_at     timestamptz  NOT NULL,
    PRIMARY KEY (incident_id, subscriber_email)
);
CREATE INDEX incident_subscription_email ON incident_subscription (subscriber_email);

-- The catalogue products an organization has filed cases about (from case.opened): its banner's products.
CREATE TABLE organization_product (
    organization  varchar(128) NOT NULL,
    product_id    varchar(64)  NOT NULL REFERENCES product (id),
    last_case_at  timestamptz  NOT NULL,
    PRIMARY KEY (organization, product_id)
);

-- One detected spike per product and hour, with the draft incident it raised (none for unknown products).
CREATE TABLE case_spike (
    product      varchar(128)     NOT NULL,
    hour_start   timestamptz      NOT NULL,
    cases        integer          NOT NULL,
    threshold    double precision NOT NULL,
    incident_id  uuid REFERENCES incident (id),
    detected_at  timestamptz      NOT NULL,
    PRIMARY KEY (product, hour_start)
);
