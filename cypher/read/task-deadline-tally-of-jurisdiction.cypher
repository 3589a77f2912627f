// task-deadline-tally for one jurisdiction's documents, found from the region: the general
// statement's EXISTS test read every document's tasks (1.0–1.9 s at 100,000 plans, 0.2 s this way).
MATCH (:Region {id: $jurisdiction})<-[:ISSUED_IN]-(d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($documentId = '' OR d.id = $documentId)
  AND ($planYear < 0 OR (d.yearFrom > 0 AND d.yearFrom <= $planYear AND d.yearTo >= $planYear))
RETURN t.deadlineKind AS kind, t.deadlineDate <> '' AS dated,
       t.deadlineDate >= $from AND t.deadlineDate <= $to AS inWindow, count(*) AS tasks
