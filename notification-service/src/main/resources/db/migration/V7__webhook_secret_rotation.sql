-- Secret rotation with an overlap: the replaced secret keeps signing deliveries (a second v1 signature in
-- Webhook-Signature) until previous_secret_expires_at, so that a partner can switch without losing events.
ALTER TABLE webhook ADD COLUMN previous_secret varchar(128);
ALTER TABLE webhook ADD COLUMN previous_secret_expires_at timestamptz;
ALTER TABLE webhook ADD COLUMN secret_rotated_at timestamptz;
