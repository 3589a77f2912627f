// One edge per unit, task and clause, for the units of one jurisdiction (see unit-aliases) and
// the tasks of one document, all new in this transaction: CREATE. The rows come as one list per
// field ($unitIds[i], $taskIds[i] …): the embedded store's driver converts a list of maps value
// by value at about twice the cost, and these are the largest statements of a load.
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
UNWIND range(0, size($unitIds) - 1) AS i
WITH u, i
WHERE u.id = $unitIds[i]
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = $taskIds[i]
CREATE (u)-[:PARTICIPATES_IN {role: 'participant', inferred: $inferred[i], clause: $clauses[i], quote: $quotes[i],
    start: $quoteStarts[i], `end`: $quoteEnds[i], surface: $surfaces[i], surfaceStart: $surfaceStarts[i],
    surfaceEnd: $surfaceEnds[i], documentId: $documentId, taskId: $taskIds[i],
    taskRef: $taskRefs[i], taskTitle: $taskTitles[i]}]->(t)
