-- Every organization reaches casework.org-events (issue 16). The demo and migrated organizations were inserted by
-- V2/V4 and never published an org event, so sla-service and notification-service did not know them (no partner
-- webhook fired for acme). This announces each one once, in the outbox, as io.casework.org.announced: its whole
-- state, with a stable event id (consumers drop a second copy). POST /api/v1/organizations/announcements
-- announces them all again at any time.
--
-- Numbered V9, not V7: search's V8 landed on main first, and Flyway refuses a lower version than one a database
-- already applied.

-- Since when the current reseller manages the organization: the reseller rule shows a reseller only cases filed
-- since then. For existing rows: its last reseller-changed event still in the outbox, else its creation.
ALTER TABLE organization ADD COLUMN reseller_since timestamptz;
UPDATE organization o SET reseller_since = COALESCE(
        (SELECT max(e.created_at) FROM outbox_event e
          WHERE e.aggregate_id = o.id AND e.type = 'io.casework.org.reseller-changed'),
        o.created_at)
    WHERE o.reseller IS NOT NULL;

INSERT INTO outbox_event (id, aggregate_id, type, topic, payload, created_at)
SELECT a.event_id, a.org_id, 'io.casework.org.announced', 'casework.org-events',
       jsonb_build_object(
           'specversion', '1.0',
           'id', a.event_id::text,
           'source', '/casework/case-service',
           'type', 'io.casework.org.announced',
           'subject', a.org_id,
           'time', a.at,
           'datacontenttype', 'application/json',
           'data', jsonb_build_object(
               'organization', jsonb_build_object(
                   'organizationId', o.id,
                   'name', o.name,
                   'domains', to_jsonb(o.domains),
                   'planId', o.plan_id,
                   'priorityScheme', o.priority_scheme,
                   'region', o.region,
                   'contractEnd', o.contract_end,
                   'contractLapsed', o.contract_lapsed,
                   'reseller', o.reseller,
                   'resellerAccess', o.reseller_access),
               'resellerSince', to_char(o.reseller_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'reason', 'MIGRATION',
               'announcedBy', 'system',
               'at', a.at))::text,
       now()
  FROM organization o
  CROSS JOIN LATERAL (SELECT o.id AS org_id,
                             md5('io.casework.org.announced/V9/' || o.id)::uuid AS event_id,
                             to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at) a
 ORDER BY o.id
ON CONFLICT (id) DO NOTHING;
