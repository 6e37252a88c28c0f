-- "Me too" (seed 002): a subscriber of a known issue gets one case linked to it.
CREATE TABLE known_issue_subscription (
    incident_id      uuid         NOT NULL,
    email            varchar(320) NOT NULL,
    case_id          uuid         NOT NULL REFERENCES support_case (id),
    active           boolean      NOT NULL,
    subscribed_at    timestamptz  NOT NULL,
    unsubscribed_at  timestamptz,
    PRIMARY KEY (incident_id, email)
);
