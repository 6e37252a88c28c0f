-- A partner's own ticket reference on a case (issue 19, Zendesk's external_id): set at filing, returned in the case
-- and its events, and looked up with GET /api/v1/cases?externalId=. It is unique per organization and per filing
-- party, whose ticketing system it comes from: the partner (filed_by_reseller: a partner's people and its
-- integration share one reference space) or else the person or account that filed the case. The index leads with
-- external_id so that the lookup is served by it too.
ALTER TABLE support_case ADD COLUMN external_id varchar(128);
CREATE UNIQUE INDEX support_case_external_id
    ON support_case (external_id, organization, (coalesce(filed_by_reseller, creator)))
    WHERE external_id IS NOT NULL;
