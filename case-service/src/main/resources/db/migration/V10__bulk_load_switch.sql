-- Bulk loads (deploy/stack seed, deploy/seed/case-service.sql) compute the search columns of many cases in one
-- INSERT ... SELECT. Before, the loader switched the search triggers off with ALTER TABLE ... DISABLE TRIGGER: that takes
-- an exclusive lock on the table until the loading transaction commits, so two loaders could not run side by side and
-- every read of the running service waited for the batch. Now a loading session says so with
--   SET LOCAL casework.bulk_load = 'on'
-- and the triggers leave the rows it writes alone: it supplies the search columns of the cases it inserts itself, and
-- a comment it inserts does not rebuild its case's columns (the loader computes them with the comments). Every other
-- session (the service) is unaffected: the setting is unset there.
CREATE OR REPLACE FUNCTION casework_case_search_row() RETURNS trigger LANGUAGE plpgsql
AS $$
DECLARE
    public_comments text;
    all_comments text;
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('casework.bulk_load', true) = 'on' THEN
        RETURN NEW;
    END IF;
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

CREATE OR REPLACE FUNCTION casework_comment_search() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('casework.bulk_load', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM casework_refresh_case_search(ARRAY[OLD.case_id]);
        RETURN OLD;
    END IF;
    PERFORM casework_refresh_case_search(CASE WHEN TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id
        THEN ARRAY[OLD.case_id, NEW.case_id] ELSE ARRAY[NEW.case_id] END);
    RETURN NEW;
END
$$;
