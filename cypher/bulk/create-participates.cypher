UNWIND $rows AS row
MATCH (a:Unit {id: row.fromId})
MATCH (b:Task {id: row.toId})
CREATE (a)-[:PARTICIPATES_IN {role: row.role, inferred: row.inferred, clause: row.clause, quote: row.quote, start: row.start,
    `end`: row.`end`, surface: row.surface, surfaceStart: row.surfaceStart, surfaceEnd: row.surfaceEnd,
    documentId: row.documentId, taskId: row.toId, taskRef: row.taskRef, taskTitle: row.taskTitle}]->(b)
