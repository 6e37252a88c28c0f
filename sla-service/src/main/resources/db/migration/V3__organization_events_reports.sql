-- Organizations' plans and regions now come from casework.org-events (org.created, org.plan-changed).
-- updated_at is the source event's time: an older event replayed (e.g. from the dead-letter topic) never
-- overwrites a newer one.
ALTER TABLE organization_plan
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN event_id   varchar(128);

-- Compliance reports count the targets started in a period.
CREATE INDEX sla_clock_started_at ON sla_clock (started_at);
