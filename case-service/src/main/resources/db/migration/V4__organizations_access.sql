-- Organizations as case-service manages them (issue 5): domains, plan, contract, region, reseller.
ALTER TABLE organization
    ADD COLUMN domains          text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN priority_scheme  varchar(16)  NOT NULL DEFAULT 'P',
    ADD COLUMN contract_end     date,
    ADD COLUMN contract_lapsed  boolean      NOT NULL DEFAULT false,
    ADD COLUMN region           varchar(16)  NOT NULL DEFAULT 'americas',
    ADD COLUMN reseller         varchar(64)  REFERENCES organization (id),
    ADD COLUMN reseller_access  boolean      NOT NULL DEFAULT false,
    ADD COLUMN version          bigint       NOT NULL DEFAULT 0,
    ADD COLUMN created_at       timestamptz  NOT NULL DEFAULT now(),
    ADD COLUMN updated_at       timestamptz  NOT NULL DEFAULT now();

-- Who may use support for an organization, and how (seed 002 "Grant user access").
CREATE TABLE support_access (
    organization  varchar(64)  NOT NULL REFERENCES organization (id),
    email         varchar(320) NOT NULL,
    role          varchar(16)  NOT NULL,
    granted_by    varchar(320) NOT NULL,
    granted_at    timestamptz  NOT NULL,
    PRIMARY KEY (organization, email)
);
CREATE INDEX support_access_email ON support_access (email);

-- The reseller that managed the organization when the case was filed: a reseller sees only those cases.
ALTER TABLE support_case ADD COLUMN reseller_at_filing varchar(64);
CREATE INDEX support_case_reseller ON support_case (reseller_at_filing) WHERE reseller_at_filing IS NOT NULL;

-- Demo organizations (deploy/stack): acme is managed by the reseller resellco and grants it access.
UPDATE organization SET domains = '{resellco.example}', contract_end = DATE '2030-12-31', region = 'emea'
    WHERE id = 'resellco';
UPDATE organization SET domains = '{acme.example}', contract_end = DATE '2030-12-31', region = 'emea',
    reseller = 'resellco', reseller_access = true WHERE id = 'acme';
UPDATE organization SET domains = '{globex.example}', contract_end = DATE '2030-12-31', region = 'americas',
    priority_scheme = 'SEVERITY' WHERE id = 'globex';
INSERT INTO support_access (organization, email, role, granted_by, granted_at) VALUES
    ('acme', 'alice@acme.example', 'ADMIN', 'system', now()),
    ('acme', 'bob@acme.example', 'REQUESTER', 'alice@acme.example', now()),
    ('globex', 'carol@globex.example', 'ADMIN', 'system', now());

-- The outbox now feeds two topics: case events and organization events.
ALTER TABLE outbox_event ADD COLUMN topic varchar(128) NOT NULL DEFAULT 'casework.case-events';
