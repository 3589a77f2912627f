UNWIND $rows AS row
MATCH (a:Unit {id: row.fromId})
MATCH (b:Unit {id: row.toId})
CREATE (a)-[:MEMBER_OF]->(b)
