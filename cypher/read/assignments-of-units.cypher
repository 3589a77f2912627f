// What the units do, in the given roles, in document order. The task's id is read from the edge:
// reading it from the Task joined the whole Task table on the embedded store (23 of 29 ms at 10,000 plans).
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task)
WHERE u.id IN $unitIds AND r.role IN $roles
RETURN r.taskId AS taskId, u.id AS unitId, r.role AS role, r.inferred AS inferred, r.clause AS clause, r.quote AS quote,
       r.start AS start, r.`end` AS `end`, r.surface AS surface, r.surfaceStart AS surfaceStart,
       r.surfaceEnd AS surfaceEnd, r.documentId AS documentId, r.taskRef AS taskRef, r.taskTitle AS taskTitle
ORDER BY unitId, documentId, start, clause
