// Each task by its id (see tasks-by-id), then its assignments.
UNWIND $taskIds AS k
WITH DISTINCT k
MATCH (t:Task {id: k})
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN t.id AS taskId, u.id AS unitId, r.role AS role, r.inferred AS inferred, r.clause AS clause, r.quote AS quote,
       r.start AS start, r.`end` AS `end`, r.surface AS surface, r.surfaceStart AS surfaceStart,
       r.surfaceEnd AS surfaceEnd, r.documentId AS documentId, r.taskRef AS taskRef, r.taskTitle AS taskTitle
ORDER BY taskId, clause, surfaceStart
