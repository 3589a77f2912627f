UNWIND $rows AS row
MATCH (a:Unit {id: row.fromId})
MATCH (b:Region {id: row.toId})
CREATE (a)-[:IN_JURISDICTION]->(b)
