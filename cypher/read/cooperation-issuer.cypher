// A document's jurisdiction and each region its tasks mention.
MATCH (j:Region)<-[:ISSUED_IN]-(d:Document)-[:HAS_TASK]->(t:Task)-[:MENTIONS]->(m:Region)
WHERE m.id <> j.id
RETURN j.id AS fromId, m.id AS toId, t.id AS taskId
ORDER BY fromId, toId, taskId
