-- Bulk data for case-service's database (deploy/stack seed via deploy/seed/seed.sh; QueryPlanTest):
-- pg_temp.seed_cases(n, orgs, first, total) adds the cases number first + 1 .. first + n of a seed of total cases (case
-- g's creation time is spread over the last two years by g / total, so that batches loaded side by side make one
-- seed), spread over the given organizations, in English, French and Dutch with error codes, 2 comments per case
-- (every third one an internal note), 3 history entries, set-based: no row-at-a-time trigger. The search columns are
-- computed in the insert itself, the way migration V8's functions compute them; casework.bulk_load (migration V10)
-- tells the search triggers to leave these rows alone, without locking the tables, so several sessions can load at
-- once. Returns the number of cases added. Runs in the caller's transaction. pg_temp.seed_cases(n, orgs) is a seed of
-- n cases in one call.
CREATE OR REPLACE FUNCTION pg_temp.seed_cases(n integer, orgs text[], first bigint, total bigint) RETURNS bigint
    LANGUAGE plpgsql AS $seed$
DECLARE
    added bigint;
BEGIN
    CREATE TEMP TABLE seed_case ON COMMIT DROP AS
    SELECT g,
           gen_random_uuid() AS id,
           orgs[1 + g % cardinality(orgs)] AS organization,
           (ARRAY['en', 'en', 'fr', 'nl'])[1 + (g / 7) % 4] AS language,
           (ARRAY['Cloud Mail', 'Cloud Drive', 'Identity', 'Billing', 'Analytics', 'Mobile App', 'API Gateway',
                  'Backup', 'Video', 'Chat'])[1 + (g * 7) % 10] AS product,
           (ARRAY['P1', 'P2', 'P3', 'P3', 'P4', 'P4'])[1 + (g * 3) % 6] AS priority,
           (ARRAY['NEW', 'IN_PROGRESS', 'ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'ON_HOLD', 'CLOSED', 'CLOSED', 'CLOSED',
                  'CLOSED', 'CLOSED'])[1 + (g * 13) % 10] AS state,
           'ERR-' || (1000 + (g * 7919) % 9000) AS code,
           (ARRAY['quota', 'invoice', 'login', 'sync', 'latency', 'certificate', 'export', 'password', 'attachment',
                  'webhook', 'timeout', 'license'])[1 + (g * 31) % 12] AS topic,
           now() - make_interval(secs => (g * 86400.0 * 730 / greatest(total, 1)) + (g % 977)) AS created_at,
           (g * 2654435761) % 4294967296 AS h
    FROM generate_series(first + 1, first + n) AS g;

    -- Subjects and descriptions from templates per language; the topic word and the error code vary per case.
    CREATE TEMP TABLE seed_text ON COMMIT DROP AS
    SELECT s.*,
           CASE s.language
               WHEN 'fr' THEN (ARRAY['Problème de ' || topic || ' : ' || code, 'Erreur ' || code || ' lors de l''' || topic,
                                     'Le ' || topic || ' ne fonctionne plus depuis la mise à jour'])[1 + h % 3]
               WHEN 'nl' THEN (ARRAY['Probleem met ' || topic || ': ' || code, 'Foutmelding ' || code || ' bij ' || topic,
                                     'De ' || topic || ' werkt niet meer sinds de update'])[1 + h % 3]
               ELSE (ARRAY['Problem with ' || topic || ': ' || code, 'Error ' || code || ' when using ' || topic,
                           topic || ' stopped working after the upgrade', 'Users report failing ' || topic || ' requests'])[1 + h % 4]
           END AS subject,
           CASE s.language
               WHEN 'fr' THEN 'Depuis ce matin, nos utilisateurs reçoivent le message ' || code || ' quand ils utilisent '
                   || topic || '. Environ ' || (h % 90 + 5) || ' % des comptes sont concernés. Nous avons redémarré le '
                   || 'service sans effet. Merci de nous aider rapidement, la facturation est bloquée.'
               WHEN 'nl' THEN 'Sinds vanochtend krijgen onze gebruikers de melding ' || code || ' bij het gebruik van '
                   || topic || '. Ongeveer ' || (h % 90 + 5) || '% van de accounts is getroffen. We hebben de dienst '
                   || 'herstart zonder resultaat. Graag snel hulp, de facturatie ligt stil.'
               ELSE 'Since this morning our users get ' || code || ' when they use ' || topic || '. About '
                   || (h % 90 + 5) || '% of the accounts are affected; version ' || (h % 5 + 1) || '.' || (h % 10)
                   || ' of the client. We restarted the service without effect and attached the logs (request id 0x'
                   || to_hex((h % 268435456)::int) || '). Please help quickly, invoicing is blocked.'
           END AS description
    FROM seed_case s;

    CREATE TEMP TABLE seed_comment ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, t.id AS case_id, k,
           CASE WHEN k = 2 AND t.g % 3 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END AS visibility,
           CASE WHEN k = 1 THEN 'customer@' || t.organization || '.example' ELSE 'agent' || (t.g % 40) || '@casework.example' END
               AS author,
           CASE WHEN k = 1 THEN 'CUSTOMER' ELSE 'STAFF' END AS author_kind,
           CASE
               WHEN k = 2 AND t.g % 3 = 0 THEN 'Internal: known problem on shard ' || (t.h % 64) || ', see incident INC-'
                   || (t.h % 5000) || '. Do not share the workaround yet.'
               WHEN t.language = 'fr' THEN (ARRAY['Nous avons vérifié les journaux, le problème ' || t.code || ' persiste.',
                   'Pouvez-vous nous envoyer une capture d''écran ?'])[k]
               WHEN t.language = 'nl' THEN (ARRAY['We hebben de logbestanden gecontroleerd, het probleem ' || t.code
                   || ' blijft.', 'Kunt u ons een schermafbeelding sturen?'])[k]
               ELSE (ARRAY['We checked the logs, ' || t.code || ' still happens for ' || t.topic || '.',
                   'Could you send us a screenshot and the exact time of the last failure?'])[k]
           END AS body,
           t.created_at + make_interval(hours => k * 3) AS created_at
    FROM seed_text t CROSS JOIN generate_series(1, 2) AS k;

    PERFORM set_config('casework.bulk_load', 'on', true);

    INSERT INTO support_case (id, number, organization, product, subject, description, priority, state, creator,
            contact_email, language, channel, created_at, updated_at, version, assignee, closed_at, resolved_at,
            first_responded_at, escalated, sla_next_target, sla_due_at, sla_breached, search_public, search_staff,
            search_codes_public, search_codes_staff)
    SELECT t.id, x.number, t.organization, t.product, t.subject, t.description, t.priority, t.state,
           'customer@' || t.organization || '.example', 'customer@' || t.organization || '.example', t.language, 'PORTAL',
           t.created_at, t.created_at + make_interval(hours => (6 + t.g % 200)::int), 3,
           CASE WHEN t.state <> 'NEW' THEN 'agent' || (t.g % 40) || '@casework.example' END,
           CASE WHEN t.state = 'CLOSED' THEN t.created_at + make_interval(hours => (6 + t.g % 200)::int) END,
           CASE WHEN t.state IN ('CLOSED', 'SOLUTION_PROVIDED') THEN t.created_at + make_interval(hours => 5) END,
           t.created_at + make_interval(hours => 3),
           t.g % 23 = 0,
           -- SLA state as sla-service's events leave it (migration V18): answered, so the next target is an update,
           -- due a day after the last change while support works on it, paused while the case waits; 1 case in 7 late
           CASE WHEN t.state <> 'CLOSED' THEN 'PERIODIC_UPDATE' END,
           CASE WHEN t.state IN ('NEW', 'IN_PROGRESS')
                THEN t.created_at + make_interval(hours => (30 + t.g % 200)::int) END,
           t.g % 7 = 0,
           v.search_public,
           CASE WHEN c.all_text = c.public_text THEN v.search_public
                ELSE casework_search_vector(t.language, t.subject, t.description, c.all_text) END,
           v.codes_public,
           -- the identifiers of the public text plus those of the internal notes: the same set as those of the whole
           -- text (an identifier never spans two texts), without parsing subject and description again
           CASE WHEN c.all_text = c.public_text THEN v.codes_public
                ELSE casework_codes(concat_ws(' ', v.codes_public, c.internal_text)) END
    FROM seed_text t
    CROSS JOIN LATERAL (SELECT 'C-' || extract(year FROM t.created_at) || '-'
                               || lpad(nextval('case_number_seq')::text, 6, '0') AS number) x
    JOIN (SELECT case_id,
                 string_agg(body, E'\n' ORDER BY k) FILTER (WHERE visibility = 'PUBLIC') AS public_text,
                 string_agg(body, E'\n' ORDER BY k) AS all_text,
                 string_agg(body, E'\n' ORDER BY k) FILTER (WHERE visibility = 'INTERNAL') AS internal_text
          FROM seed_comment GROUP BY case_id) c ON c.case_id = t.id
    -- the staff columns equal the public ones for a case without internal notes: computed once
    CROSS JOIN LATERAL (SELECT casework_search_vector(t.language, t.subject, t.description, c.public_text) AS search_public,
                               casework_codes(concat_ws(' ', x.number, t.subject, t.description, c.public_text))
                                   AS codes_public) v;
    GET DIAGNOSTICS added = ROW_COUNT;

    INSERT INTO case_comment (id, case_id, author, author_kind, visibility, body, created_at)
    SELECT id, case_id, author, author_kind, visibility, body, created_at FROM seed_comment;

    INSERT INTO case_history (case_id, at, actor, action, field, old_value, new_value, reason)
    SELECT t.id, t.created_at + make_interval(hours => e.k * 3), e.actor, e.action, e.field, e.old_value, e.new_value, NULL
    FROM seed_text t
    CROSS JOIN LATERAL (VALUES
        (0, 'customer@' || t.organization || '.example', 'OPENED', NULL, NULL, NULL),
        (1, 'agent' || (t.g % 40) || '@casework.example', 'ASSIGNED', 'assignee', NULL, 'agent' || (t.g % 40) || '@casework.example'),
        (2, 'agent' || (t.g % 40) || '@casework.example', 'STATE_CHANGED', 'state', 'NEW', t.state)
    ) AS e(k, actor, action, field, old_value, new_value);

    PERFORM set_config('casework.bulk_load', 'off', true);
    DROP TABLE seed_comment;
    DROP TABLE seed_text;
    DROP TABLE seed_case;
    RETURN added;
END
$seed$;


CREATE OR REPLACE FUNCTION pg_temp.seed_cases(n integer, orgs text[]) RETURNS bigint LANGUAGE sql AS $seed$
    SELECT pg_temp.seed_cases(n, orgs, 0, n)
$seed$;
