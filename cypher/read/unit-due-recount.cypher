// Tasks per unit, role and stated due date, counted afresh (analytics.ts compares and repairs with it).
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
WHERE t.deadlineKind = 'date' AND t.deadlineDate <> ''
RETURN u.id AS unitId, r.role AS role, t.deadlineDate AS date, count(DISTINCT t.id) AS tasks
