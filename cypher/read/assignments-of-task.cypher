// One task's assignments, its task found in the primary key (graph/by-id.ts: how the embedded store reads assignments-of-tasks).
MATCH (t:Task {id: $id})
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN t.id AS taskId, u.id AS unitId, r.role AS role, r.inferred AS inferred, r.clause AS clause, r.quote AS quote,
       r.start AS start, r.`end` AS `end`, r.surface AS surface, r.surfaceStart AS surfaceStart,
       r.surfaceEnd AS surfaceEnd, r.documentId AS documentId, r.taskRef AS taskRef, r.taskTitle AS taskTitle
ORDER BY taskId, clause, surfaceStart
