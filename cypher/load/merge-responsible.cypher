// One edge per unit, task and clause (a unit may lead one clause and take part in another).
UNWIND $rows AS row
MATCH (u:Unit {id: row.unitId})
MATCH (t:Task {id: row.taskId})
MERGE (u)-[r:RESPONSIBLE_FOR {clause: row.clause}]->(t)
SET r.role = row.role, r.inferred = row.inferred, r.quote = row.quote, r.start = row.start, r.`end` = row.`end`,
    r.surface = row.surface, r.surfaceStart = row.surfaceStart, r.surfaceEnd = row.surfaceEnd,
    r.documentId = row.documentId
