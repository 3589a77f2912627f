// Two regions mentioned by the same task.
MATCH (a:Region)<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(b:Region)
WHERE a.id < b.id
RETURN a.id AS fromId, b.id AS toId, t.id AS taskId
ORDER BY fromId, toId, taskId
