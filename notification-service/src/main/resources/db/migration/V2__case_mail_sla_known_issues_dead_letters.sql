-- Mails about known issues belong to an incident, not to a case.
ALTER TABLE delivery ADD COLUMN incident_id uuid;
-- Ops list the deliveries that gave up (status DEAD) to retry them.
CREATE INDEX delivery_dead ON delivery (created_at, id) WHERE status = 'DEAD';

-- What the service knows of each case from the events it read: who is assigned (for SLA mails, whose
-- events do not carry it) and the first-response target sla-service set (mentioned in case mails).
CREATE TABLE known_case (
    case_id                 uuid         PRIMARY KEY,
    number                  varchar(32),
    organization            varchar(128),
    subject                 varchar(512),
    product                 varchar(256),
    priority                varchar(4),
    assignee                varchar(320),
    first_response_due_at   timestamptz,
    first_response_state    varchar(16),
    updated_at              timestamptz  NOT NULL
);

-- Who follows a known issue ("Me too"), from status-service's subscription events or our unsubscribe link.
CREATE TABLE incident_subscription (
    incident_id      uuid          NOT NULL,
    email            varchar(320)  NOT NULL,
    incident_number  varchar(32)   NOT NULL,
    title            varchar(512)  NOT NULL,
    subscribed_at    timestamptz   NOT NULL,
    removed_at       timestamptz,
    PRIMARY KEY (incident_id, email)
);

-- An event whose mails could not be sent after every retry: kept so that ops can retry its deliveries.
CREATE TABLE dead_letter (
    event_id   varchar(128)  PRIMARY KEY,
    type       varchar(128)  NOT NULL,
    payload    text          NOT NULL,
    parked_at  timestamptz   NOT NULL
);
