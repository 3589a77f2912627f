// Tasks per unit and role, for the units of one jurisdiction ('' = all).
MATCH (u:Unit)
WHERE $jurisdiction = '' OR u.jurisdictionCode = $jurisdiction
OPTIONAL MATCH (u)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
RETURN u.id AS unitId, u.kind AS kind, u.jurisdictionCode AS jurisdictionCode, r.role AS role,
       count(DISTINCT t.id) AS tasks
