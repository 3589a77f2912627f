// The ledger's assignments (one row per unit, task and clause) of a jurisdiction, document and
// unit ('' = any), in document order; the API folds them into one row per task and unit.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)<-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(u:Unit)
WHERE ($documentId = '' OR d.id = $documentId) AND ($unitId = '' OR u.id = $unitId)
  AND ($jurisdiction = '' OR EXISTS { MATCH (d)-[:ISSUED_IN]->(:Region {id: $jurisdiction}) })
RETURN d.id AS documentId, d.title AS documentTitle, t.id AS taskId, t.ref AS ref, t.title AS title, t.start AS taskStart,
       t.deadlineText AS deadlineText, t.deadlineDate AS deadlineDate, t.deadlineKind AS deadlineKind,
       u.id AS unitId, u.name AS unitName, r.role AS role, r.clause AS clause, r.quote AS quote, r.surfaceStart AS surfaceStart
ORDER BY documentId, taskStart, clause, surfaceStart
