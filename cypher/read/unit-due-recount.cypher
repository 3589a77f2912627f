// Tasks per unit, role and stated due date, counted afresh (analytics.ts compares and repairs with it):
// a task once per unit, under the unit's strongest role in it.
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
WHERE t.deadlineKind = 'date' AND t.deadlineDate <> ''
WITH u, t, min(CASE r.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 WHEN 'participant' THEN 2 END) AS rank
RETURN u.id AS unitId, CASE rank WHEN 0 THEN 'lead' WHEN 1 THEN 'responsible' WHEN 2 THEN 'participant' END AS role,
       t.deadlineDate AS date, count(DISTINCT t.id) AS tasks
