// Leader i oversees task i, where the document names them. The leaders by id (few), the tasks
// through their document; every task is new in this transaction, so CREATE. One list per field.
MATCH (l:Leader)
WHERE l.id IN $leaderIds
UNWIND range(0, size($taskIds) - 1) AS i
WITH l, i
WHERE l.id = $leaderIds[i]
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = $taskIds[i]
CREATE (l)-[:OVERSEES {post: $posts[i], start: $leaderStarts[i], `end`: $leaderEnds[i], documentId: $documentId}]->(t)
