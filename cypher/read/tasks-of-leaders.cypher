// What each leader oversees, in document order.
MATCH (l:Leader)-[:OVERSEES]->(t:Task)
WHERE l.id IN $ids
RETURN l.id AS leaderId, t.id AS taskId
ORDER BY leaderId, t.documentId, t.start
