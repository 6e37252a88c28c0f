-- The Message-ID header of the mail, the same on every attempt for an (event, recipient): ops can find a mail
-- in the relay's logs, and a receiver can drop a copy re-sent after a lost acknowledgement.
ALTER TABLE delivery ADD COLUMN smtp_message_id varchar(255);
