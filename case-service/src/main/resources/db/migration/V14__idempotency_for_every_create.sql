-- Idempotency-Key on every POST that creates something (issue 19): comments, attachments, escalations, survey answers
-- and organizations keep their keys in the table filing used. A record now names the request it answered (method
-- and path: a key reused on another target is refused like one reused with another body) and what it created:
-- case_id for what concerns a case, resource_id for what is not itself a case (a comment, an attachment, an
-- organization). Rows written before this are filings: the default says so, and their body hashes are unchanged.
ALTER TABLE idempotency_record
    ADD COLUMN request_target varchar(255) NOT NULL DEFAULT 'POST /api/v1/cases',
    ADD COLUMN resource_id    varchar(255),
    ALTER COLUMN case_id DROP NOT NULL;
