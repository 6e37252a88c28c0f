-- Sandbox cases (issue 19): a case filed with testCase true gets its clocks like any other (the flow is whole), but
-- its targets count in no report or metric and its warnings and breaches say testCase, so that no one is paged.
-- Kept on the case and, like organization and priority, on each of its clocks, which the reports read.
ALTER TABLE case_sla ADD COLUMN test_case boolean NOT NULL DEFAULT false;
ALTER TABLE sla_clock ADD COLUMN test_case boolean NOT NULL DEFAULT false;
