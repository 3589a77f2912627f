UNWIND $rows AS row
MATCH (a:Task {id: row.fromId})
MATCH (b:Region {id: row.toId})
CREATE (a)-[:MENTIONS]->(b)
