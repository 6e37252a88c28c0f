-- Since when an organization's reseller access is what it is (issue 19: GET /api/v1/partners/me/clients tells a
-- partner, per client, whether it may see the client's cases and since when). Set whenever the client grants or
-- withdraws access and when the reseller changes (a new reseller starts without access). For existing rows: the last
-- reseller-access-changed event still in the outbox, else since the reseller manages the organization.
ALTER TABLE organization ADD COLUMN reseller_access_since timestamptz;
UPDATE organization o SET reseller_access_since = COALESCE(
        (SELECT max(e.created_at) FROM outbox_event e
          WHERE e.aggregate_id = o.id AND e.type = 'io.casework.org.reseller-access-changed'),
        o.reseller_since)
    WHERE o.reseller IS NOT NULL;

-- A partner's clients, in id order (the page's keyset).
CREATE INDEX organization_reseller ON organization (reseller, id) WHERE reseller IS NOT NULL;
