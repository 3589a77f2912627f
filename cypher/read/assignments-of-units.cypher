// What the units do, in the given roles, in document order.
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)
WHERE u.id IN $unitIds AND r.role IN $roles
RETURN t.id AS taskId, u.id AS unitId, r.role AS role, r.inferred AS inferred, r.clause AS clause, r.quote AS quote,
       r.start AS start, r.`end` AS `end`, r.surface AS surface, r.surfaceStart AS surfaceStart,
       r.surfaceEnd AS surfaceEnd, r.documentId AS documentId
ORDER BY unitId, documentId, start, clause
