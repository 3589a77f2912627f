// As unit-load, counting only the tasks due in a window (ISO dates, inclusive).
MATCH (u:Unit)
WHERE $jurisdiction = '' OR u.jurisdictionCode = $jurisdiction
OPTIONAL MATCH (u)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
WHERE t.deadlineKind = 'date' AND t.deadlineDate >= $from AND t.deadlineDate <= $to
RETURN u.id AS unitId, u.kind AS kind, u.jurisdictionCode AS jurisdictionCode, r.role AS role,
       count(DISTINCT t.id) AS tasks
