-- A customer's search reads the text index of the public text and keeps the cases of the caller's organization. With
-- one index per condition, PostgreSQL intersected two bitmaps (BitmapAnd): the word's matches from the GIN index and
-- every case of the organization from the B-tree — the latter grows with the organization (108 of 136 ms for 50,000
-- cases of one organization, 2026-12-06). With the organization inside the GIN index (btree_gin), the index intersects
-- the two posting lists itself and skips through the organization's list: the cost follows the word's matches.
-- A multicolumn GIN index serves a condition on either column alone, so the public indexes are replaced, not doubled
-- (partners' searches, which filter by reseller, still use them for the text).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX support_case_org_search_public ON support_case USING gin (organization, search_public);
CREATE INDEX support_case_org_codes_public ON support_case USING gin (organization, search_codes_public gin_trgm_ops);
DROP INDEX support_case_search_public;
DROP INDEX support_case_codes_public;
