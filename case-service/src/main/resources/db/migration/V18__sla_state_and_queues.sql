-- The agent desk's queues (issue 18): each case carries its SLA state, kept from sla-service's events
-- (casework.sla-events), so that a list shows it and sorts and filters by it without one SLA call per row.

-- One row per SLA target of a case (metric and cycle, as sla-service names them), as the events told it. as_of is the
-- time of the last event applied to the row: an older event (a replay) changes nothing but a breach, which is final.
CREATE TABLE case_sla_target (
    case_id   uuid        NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
    metric    varchar(32) NOT NULL,
    cycle     integer     NOT NULL,
    due_at    timestamptz,
    open      boolean     NOT NULL,
    breached  boolean     NOT NULL DEFAULT false,
    as_of     timestamptz NOT NULL,
    PRIMARY KEY (case_id, metric, cycle)
);

-- Derived from case_sla_target whenever an event is applied (and cleared of its next target when the case closes):
-- the next open target (earliest due; a paused one has no due time) and whether any target was breached.
-- sla_breached is null until sla-service has set the case's first target.
ALTER TABLE support_case
    ADD COLUMN sla_next_target varchar(32),
    ADD COLUMN sla_due_at      timestamptz,
    ADD COLUMN sla_breached    boolean;

-- The queue order: priority (P1 first), SLA due time (none last), time of arrival; per organization for customers and
-- for staff's organization filter. The keyset of the cursor is exactly these columns.
CREATE INDEX support_case_queue ON support_case
    (priority, COALESCE(sla_due_at, CAST('infinity' AS timestamptz)), created_at, id);
CREATE INDEX support_case_org_queue ON support_case
    (organization, priority, COALESCE(sla_due_at, CAST('infinity' AS timestamptz)), created_at, id);
-- Few cases are escalated or breached: these filters read small partial indexes.
CREATE INDEX support_case_escalated ON support_case (organization, updated_at DESC, id DESC) WHERE escalated;
CREATE INDEX support_case_breached ON support_case (organization, updated_at DESC, id DESC) WHERE sla_breached;
-- "Due before": the cases with a due time, by due time.
CREATE INDEX support_case_sla_due ON support_case (sla_due_at) WHERE sla_due_at IS NOT NULL;
