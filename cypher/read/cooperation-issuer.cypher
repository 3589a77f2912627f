// A document's jurisdiction and each region its tasks mention.
// Unordered: every reader gathers the rows into sets per pair (sorting them took half the time).
MATCH (j:Region)<-[:ISSUED_IN]-(d:Document)-[:HAS_TASK]->(t:Task)-[:MENTIONS]->(m:Region)
WHERE m.id <> j.id
RETURN j.id AS fromId, m.id AS toId, t.id AS taskId
