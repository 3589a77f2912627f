// Relationships between nodes of the bulk load, found by id (an index seek on Neo4j).
UNWIND $rows AS row
MATCH (a:Document {id: row.fromId})
MATCH (b:Region {id: row.toId})
CREATE (a)-[:ISSUED_IN]->(b)
