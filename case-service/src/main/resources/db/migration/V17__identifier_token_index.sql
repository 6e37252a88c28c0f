-- A search for a whole identifier (ERR-4030, 0x80070005, QUOTA_EXCEEDED, C-2026-000042) was answered by the trigram
-- indexes of search_codes_* (V8, V11) as a substring: the index intersects the posting lists of every trigram of the
-- query, and trigrams such as 'err' and 'rr-' are in almost every case (38.8 ms at 1 M cases for a code in ~110 of them,
-- 3.4 times the plain list, 2026-12-07). Here the identifiers of a case are also indexed as whole tokens: an array of
-- the lower-cased tokens of search_codes_* in a GIN index, so that a whole identifier is one posting list.
--
-- An expression index, not a column: the array is a function of the column the triggers (V8, V10) and bulk loaders
-- (deploy/seed) already keep, so it cannot disagree with it, costs no heap space, and is built for the existing rows
-- by CREATE INDEX. The organization is inside the customers' index, as in V11 (btree_gin): the index intersects the
-- token's cases with the organization's itself. Staff search every organization: their index has no organization.
-- The trigram indexes stay, for parts of identifiers (4030, 0x8007). docs/search.md, "Identifiers".
CREATE FUNCTION casework_code_tokens(codes text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT string_to_array(lower(coalesce(codes, '')), ' ')
$$;

CREATE INDEX support_case_org_code_tokens_public ON support_case
    USING gin (organization, casework_code_tokens(search_codes_public));
CREATE INDEX support_case_code_tokens_staff ON support_case USING gin (casework_code_tokens(search_codes_staff));
