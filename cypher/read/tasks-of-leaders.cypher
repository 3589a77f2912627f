// What each leader oversees, in document order.
UNWIND $ids AS k
WITH DISTINCT k
MATCH (l:Leader {id: k})
MATCH (l)-[:OVERSEES]->(t:Task)
RETURN l.id AS leaderId, t.id AS taskId
ORDER BY leaderId, t.documentId, t.start
