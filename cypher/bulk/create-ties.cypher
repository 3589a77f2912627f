UNWIND $rows AS row
MATCH (a:Task {id: row.fromId})
MATCH (b:Region {id: row.toId})
CREATE (a)-[:TIES {partner: row.partner, taskId: row.taskId, documentId: row.documentId, start: row.start,
    taskRef: row.taskRef, taskTitle: row.taskTitle}]->(b)
