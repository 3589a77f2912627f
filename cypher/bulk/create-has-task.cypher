UNWIND $rows AS row
MATCH (a:Document {id: row.fromId})
MATCH (b:Task {id: row.toId})
CREATE (a)-[:HAS_TASK]->(b)
