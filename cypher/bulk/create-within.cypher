UNWIND $rows AS row
MATCH (a:Region {id: row.fromId})
MATCH (b:Region {id: row.toId})
CREATE (a)-[:WITHIN]->(b)
