-- Sandbox cases (issue 19): a case filed with testCase true mails no real recipient. Its case events carry the flag;
-- it is kept here so that mails caused by other events about the case (SLA warnings and breaches) are suppressed too.
ALTER TABLE known_case ADD COLUMN test_case boolean NOT NULL DEFAULT false;
