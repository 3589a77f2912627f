// Tasks per unit and role, for the units of one jurisdiction ('' = all). A task counts once per
// unit, under the unit's strongest role in it (lead > responsible > participant: analytics.ts ROLE_RANK).
MATCH (u:Unit)
WHERE $jurisdiction = '' OR u.jurisdictionCode = $jurisdiction
OPTIONAL MATCH (u)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
WITH u, t, min(CASE r.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 WHEN 'participant' THEN 2 END) AS rank
RETURN u.id AS unitId, u.kind AS kind, u.jurisdictionCode AS jurisdictionCode,
       CASE rank WHEN 0 THEN 'lead' WHEN 1 THEN 'responsible' WHEN 2 THEN 'participant' END AS role,
       count(DISTINCT t.id) AS tasks
