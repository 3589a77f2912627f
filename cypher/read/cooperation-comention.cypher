// Two regions mentioned by the same task.
// Unordered: every reader gathers the rows into sets per pair (sorting them took half the time).
MATCH (a:Region)<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(b:Region)
WHERE a.id < b.id
RETURN a.id AS fromId, b.id AS toId, t.id AS taskId
