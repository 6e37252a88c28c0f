-- Search from an index (issue 21; docs/cases.md "Search"). Before, q was lower(...) LIKE '%text%' over subject,
-- description and comments: a sequential scan of cases and comments that grew with the data (7 s at 1 M cases).
--
-- Each case carries two full-text vectors, built with the text configuration of its language (en/fr/nl stem; any
-- other language 'simple'): search_public over subject, description and public comments (what a customer or partner
-- may find), search_staff also over internal notes. Identifier-like tokens (error codes, versions, case numbers: words
-- with a digit, an underscore or an upper-case prefix and a dash) are kept as text in search_codes_* for substring
-- matching with trigram indexes. Triggers keep all four current: a case's own text on insert and edit, its comments'
-- text whenever a comment is written.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION casework_text_config(language varchar) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE lower(language)
        WHEN 'en' THEN 'pg_catalog.english'::regconfig
        WHEN 'fr' THEN 'pg_catalog.french'::regconfig
        WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
        ELSE 'pg_catalog.simple'::regconfig
    END
$$;

-- Identifier-like tokens of a text, each once: ERR-4031, 0x80070005, v2.3.1, QUOTA_EXCEEDED, C-000042, I-2026-0042.
CREATE FUNCTION casework_codes(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(DISTINCT m[1], ' '), '')
    FROM regexp_matches(coalesce(body, ''), '([[:alnum:]_]+(?:[-.:/#][[:alnum:]_]+)*)', 'g') AS m
    WHERE m[1] ~ '[0-9_]' OR m[1] ~ '^[[:upper:]]{2,}-'
$$;

-- Subject weighs most, then description, then comments. The comment text is capped so that a case with thousands of
-- comments stays under the 1 MB limit of a tsvector (the newest comments are the ones dropped: they rarely are the
-- first description of the problem).
CREATE FUNCTION casework_search_vector(language varchar, subject text, description text, comments text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT setweight(to_tsvector(casework_text_config(language), coalesce(subject, '')), 'A')
        || setweight(to_tsvector(casework_text_config(language), coalesce(description, '')), 'B')
        || setweight(to_tsvector(casework_text_config(language), left(coalesce(comments, ''), 200000)), 'C')
$$;

CREATE FUNCTION casework_comment_text(p_case uuid, include_internal boolean) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT string_agg(body, E'\n' ORDER BY created_at, id)
    FROM case_comment
    WHERE case_id = p_case AND (include_internal OR visibility = 'PUBLIC')
$$;

ALTER TABLE support_case
    ADD COLUMN search_public        tsvector,
    ADD COLUMN search_staff         tsvector,
    ADD COLUMN search_codes_public  text,
    ADD COLUMN search_codes_staff   text;

CREATE FUNCTION casework_case_search_row() RETURNS trigger LANGUAGE plpgsql
AS $$
DECLARE
    public_comments text;
    all_comments text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        public_comments := casework_comment_text(NEW.id, false);
        all_comments := casework_comment_text(NEW.id, true);
    END IF;
    NEW.search_public := casework_search_vector(NEW.language, NEW.subject, NEW.description, public_comments);
    NEW.search_staff := casework_search_vector(NEW.language, NEW.subject, NEW.description, all_comments);
    NEW.search_codes_public := casework_codes(concat_ws(' ', NEW.number, NEW.subject, NEW.description, public_comments));
    NEW.search_codes_staff := casework_codes(concat_ws(' ', NEW.number, NEW.subject, NEW.description, all_comments));
    RETURN NEW;
END
$$;

CREATE TRIGGER support_case_search_insert BEFORE INSERT ON support_case
    FOR EACH ROW EXECUTE FUNCTION casework_case_search_row();
CREATE TRIGGER support_case_search_update BEFORE UPDATE OF subject, description, language ON support_case
    FOR EACH ROW WHEN (OLD.subject IS DISTINCT FROM NEW.subject OR OLD.description IS DISTINCT FROM NEW.description
        OR OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION casework_case_search_row();

-- Rebuilds the search columns of the given cases from their text and comments (the comment trigger; deploy/stack seed
-- after a bulk load).
CREATE FUNCTION casework_refresh_case_search(cases uuid[]) RETURNS void LANGUAGE sql
AS $$
    UPDATE support_case c SET
        search_public = casework_search_vector(c.language, c.subject, c.description, t.public_comments),
        search_staff = casework_search_vector(c.language, c.subject, c.description, t.all_comments),
        search_codes_public = casework_codes(concat_ws(' ', c.number, c.subject, c.description, t.public_comments)),
        search_codes_staff = casework_codes(concat_ws(' ', c.number, c.subject, c.description, t.all_comments))
    FROM (SELECT id, casework_comment_text(id, false) AS public_comments, casework_comment_text(id, true) AS all_comments
          FROM unnest(cases) AS id) t
    WHERE c.id = t.id
$$;

CREATE FUNCTION casework_comment_search() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM casework_refresh_case_search(ARRAY[OLD.case_id]);
        RETURN OLD;
    END IF;
    PERFORM casework_refresh_case_search(CASE WHEN TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id
        THEN ARRAY[OLD.case_id, NEW.case_id] ELSE ARRAY[NEW.case_id] END);
    RETURN NEW;
END
$$;

CREATE TRIGGER case_comment_search AFTER INSERT OR UPDATE OR DELETE ON case_comment
    FOR EACH ROW EXECUTE FUNCTION casework_comment_search();

-- Existing cases.
SELECT casework_refresh_case_search(array_agg(id)) FROM support_case;

CREATE INDEX support_case_search_public ON support_case USING gin (search_public);
CREATE INDEX support_case_search_staff ON support_case USING gin (search_staff);
CREATE INDEX support_case_codes_public ON support_case USING gin (search_codes_public gin_trgm_ops);
CREATE INDEX support_case_codes_staff ON support_case USING gin (search_codes_staff gin_trgm_ops);

-- Every list and filter the API offers walks an index in its sort order (QueryPlanTest checks the plans on a seeded
-- database): per organization in both sorts, and for the staff filters that are selective.
CREATE INDEX support_case_org_updated_id ON support_case (organization, updated_at DESC, id DESC);
DROP INDEX support_case_org_updated;
CREATE INDEX support_case_org_created ON support_case (organization, created_at DESC, id DESC);
CREATE INDEX support_case_creator_updated ON support_case (creator, updated_at DESC, id DESC);
CREATE INDEX support_case_assignee_updated ON support_case (assignee, updated_at DESC, id DESC) WHERE assignee IS NOT NULL;
DROP INDEX support_case_assignee;
CREATE INDEX support_case_product_updated ON support_case (lower(product), updated_at DESC, id DESC);
