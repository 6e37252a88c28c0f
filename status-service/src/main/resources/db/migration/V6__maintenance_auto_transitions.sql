-- Scheduled maintenance starts and completes at its window (as Statuspage's auto-transitions do), unless its
-- publisher turned that off for it. Existing maintenance keeps being moved by hand: its flags are false.
ALTER TABLE incident
    ADD COLUMN auto_start     boolean NOT NULL DEFAULT false,
    ADD COLUMN auto_complete  boolean NOT NULL DEFAULT false;
ALTER TABLE incident
    ALTER COLUMN auto_start DROP DEFAULT,
    ALTER COLUMN auto_complete DROP DEFAULT;
-- What the maintenance timer looks for: published maintenance waiting for its start or its end.
CREATE INDEX incident_maintenance_due_start ON incident (window_start)
    WHERE kind = 'MAINTENANCE' AND state = 'SCHEDULED' AND auto_start AND NOT draft;
CREATE INDEX incident_maintenance_due_end ON incident (window_end)
    WHERE kind = 'MAINTENANCE' AND state IN ('IN_PROGRESS', 'MONITORING') AND auto_complete AND NOT draft;
