-- SLA clocks for seeded cases (deploy/stack seed): reads (case_id, organization, priority, created_at,
-- first_responded_at) rows of case-service's seeded cases from the temporary table seed_case_sla (filled by COPY
-- from casework_cases), and adds each case's first-response clock, completed at its first response: MET, or BREACHED
-- when the response came after the target (P1 1 h, P2 2 h, P3 4 h, P4 8 h). No clock is left running, so the firing
-- scheduler has nothing old to catch up on. Cases that already have a clock are left alone.
INSERT INTO sla_clock (id, case_id, metric, organization, priority, plan_id, clock, state, started_at, target_at,
        version, cycle, plan_version, calendar_id, target, target_nanos, elapsed_nanos, breached_at, completed_at)
SELECT gen_random_uuid(), s.case_id, 'FIRST_RESPONSE', s.organization, s.priority,
       CASE WHEN s.organization = 'acme' THEN 'premier' ELSE 'standard' END, 'ALWAYS',
       CASE WHEN s.first_responded_at > s.created_at + t.target THEN 'BREACHED' ELSE 'MET' END,
       s.created_at, s.created_at + t.target, 2, 0, 1, '24x7', 'PT' || extract(epoch FROM t.target)::bigint || 'S',
       (extract(epoch FROM t.target) * 1000000000)::bigint,
       (extract(epoch FROM s.first_responded_at - s.created_at) * 1000000000)::bigint,
       CASE WHEN s.first_responded_at > s.created_at + t.target THEN s.created_at + t.target END,
       s.first_responded_at
FROM seed_case_sla s
JOIN (VALUES ('P1', interval '1 hour'), ('P2', interval '2 hours'), ('P3', interval '4 hours'), ('P4', interval '8 hours'))
    AS t(priority, target) ON t.priority = s.priority
WHERE NOT EXISTS (SELECT 1 FROM sla_clock c WHERE c.case_id = s.case_id AND c.metric = 'FIRST_RESPONSE' AND c.cycle = 0);
