// Tasks due in a window (ISO dates, inclusive), of one jurisdiction and one document ('' = any),
// by date then document order; with each task's head (api/task-head.ts), read in the same scan.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.deadlineKind = 'date' AND t.deadlineDate >= $from AND t.deadlineDate <= $to
  AND ($documentId = '' OR d.id = $documentId)
  AND ($jurisdiction = '' OR EXISTS { MATCH (d)-[:ISSUED_IN]->(:Region {id: $jurisdiction}) })
RETURN t.id AS id, t.deadlineDate AS date, t.documentId AS documentId, t.ref AS ref, t.title AS title
ORDER BY date, t.documentId, t.start
