-- Mail is sent like webhooks (issue 17): an event's handler records each mail as a PENDING delivery, rendered, in the
-- transaction of the event; MailSender claims due deliveries and talks SMTP outside any transaction. The rendered mail
-- is kept only until the SMTP server accepted or refused it for good (SENT, REJECTED: erased), so that a retry, or ops
-- retrying a DEAD delivery, sends exactly what was rendered.
ALTER TABLE delivery ADD COLUMN seq bigserial;                  -- recording order: a recipient's mails of one aggregate go out in it
ALTER TABLE delivery ADD COLUMN order_key varchar(320);         -- the aggregate: case, known issue or organization
ALTER TABLE delivery ADD COLUMN next_attempt_at timestamptz;    -- PENDING/FAILED: due then; SENDING: the attempt's lease ends then
ALTER TABLE delivery ADD COLUMN attempted_at timestamptz;       -- the last attempt started (recorded before SMTP DATA)
ALTER TABLE delivery ADD COLUMN mail_text text;
ALTER TABLE delivery ADD COLUMN mail_html text;
ALTER TABLE delivery ADD COLUMN mail_headers text;              -- extra headers, JSON object

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING', 'FAILED');
CREATE INDEX delivery_unsettled ON delivery (order_key, recipient, seq) WHERE status IN ('PENDING', 'SENDING', 'FAILED');
