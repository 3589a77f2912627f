// One edge per unit, task and clause, for the units of one jurisdiction (see unit-aliases)
// and the tasks of one document, all new in this transaction: CREATE.
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
UNWIND $rows AS row
WITH u, row
WHERE u.id = row.unitId
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = row.taskId
CREATE (u)-[:RESPONSIBLE_FOR {role: row.role, inferred: row.inferred, clause: row.clause, quote: row.quote, start: row.start,
    `end`: row.`end`, surface: row.surface, surfaceStart: row.surfaceStart, surfaceEnd: row.surfaceEnd,
    documentId: $documentId}]->(t)
