-- Product status: what the open incidents give (computed_status), optionally overridden by a status publisher
-- (issue 8). status stays the effective status as last recorded and announced (product-status-changed): an
-- override that lapses at override_until is recorded, and announced, by the next change or the lapse check.
ALTER TABLE product
    ADD COLUMN computed_status  varchar(32),
    ADD COLUMN override_status  varchar(32),
    ADD COLUMN override_reason  varchar(2000),
    ADD COLUMN override_until   timestamptz,
    ADD COLUMN override_by      varchar(320),
    ADD COLUMN override_at      timestamptz;
-- Until now nothing overrode the status: it is what the incidents gave.
UPDATE product SET computed_status = status;
ALTER TABLE product
    ALTER COLUMN computed_status SET NOT NULL,
    -- An override is whole (status, reason, who, when) or absent; until is optional.
    ADD CONSTRAINT product_override_whole CHECK (
        (override_status IS NULL AND override_reason IS NULL AND override_by IS NULL AND override_at IS NULL
            AND override_until IS NULL)
        OR (override_status IS NOT NULL AND override_reason IS NOT NULL AND override_by IS NOT NULL
            AND override_at IS NOT NULL));
