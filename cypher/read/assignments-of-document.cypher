// The assignments of one document's tasks, the document found in the primary key: a unit's
// tasks in one document (Unit.tasks(document:)) without reading all of the unit's assignments.
MATCH (d:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN r.taskId AS taskId, u.id AS unitId, r.role AS role, r.inferred AS inferred, r.clause AS clause, r.quote AS quote,
       r.start AS start, r.`end` AS `end`, r.surface AS surface, r.surfaceStart AS surfaceStart,
       r.surfaceEnd AS surfaceEnd, r.documentId AS documentId, r.taskRef AS taskRef, r.taskTitle AS taskTitle
ORDER BY unitId, documentId, start, clause
