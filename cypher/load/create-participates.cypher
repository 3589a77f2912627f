// One edge per unit, task and clause; the tasks are new in this transaction, so CREATE.
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
UNWIND $rows AS row
WITH t, row
WHERE t.id = row.taskId
MATCH (u:Unit {id: row.unitId})
CREATE (u)-[:PARTICIPATES_IN {role: row.role, inferred: row.inferred, clause: row.clause, quote: row.quote, start: row.start,
    `end`: row.`end`, surface: row.surface, surfaceStart: row.surfaceStart, surfaceEnd: row.surfaceEnd,
    documentId: $documentId}]->(t)
