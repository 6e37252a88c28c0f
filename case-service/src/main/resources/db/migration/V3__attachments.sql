-- Files attached to a case. The content lives in AttachmentStorage (encrypted at rest) under storage_key;
-- this row is its metadata, written in the same transaction as the history entry and the event.
CREATE TABLE attachment (
    id                 uuid         PRIMARY KEY,
    case_id            uuid         NOT NULL REFERENCES support_case (id),
    filename           varchar(255) NOT NULL,
    content_type       varchar(255) NOT NULL,
    size               bigint       NOT NULL CHECK (size >= 0),
    sha256             char(64)     NOT NULL,
    diagnostic_bundle  boolean      NOT NULL DEFAULT false,
    description        text,
    storage_key        varchar(255) NOT NULL UNIQUE,
    uploaded_by        varchar(320) NOT NULL,
    created_at         timestamptz  NOT NULL
);
CREATE INDEX attachment_case ON attachment (case_id, created_at);
