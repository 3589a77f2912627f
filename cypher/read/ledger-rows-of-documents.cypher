// The ledger's assignments of some documents (one row per unit, task and clause), in document
// order: the ledger read a batch of documents at a time. From the tasks by their document id: Kuzu
// plans a match that starts at the documents as a join over every assignment (10 s for 10 of 2,000 plans).
MATCH (t:Task)
WHERE t.documentId IN $documentIds
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN t.documentId AS documentId, t.id AS taskId, t.ref AS ref, t.title AS title, t.start AS taskStart,
       t.deadlineText AS deadlineText, t.deadlineDate AS deadlineDate, t.deadlineKind AS deadlineKind,
       u.id AS unitId, u.name AS unitName, r.role AS role, r.clause AS clause, r.quote AS quote, r.surfaceStart AS surfaceStart
ORDER BY documentId, taskStart, clause, surfaceStart
