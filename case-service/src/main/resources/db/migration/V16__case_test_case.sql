-- Sandbox (issue 19, Google Cloud Support API's testCase): a case filed with testCase true runs the whole flow (SLA
-- clocks, events, webhooks) but mails no real recipient, pages no one and is left out of metrics and reports. Fixed
-- at filing; every existing case is a real one.
ALTER TABLE support_case ADD COLUMN test_case boolean NOT NULL DEFAULT false;
