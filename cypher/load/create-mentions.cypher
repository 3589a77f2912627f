// The regions by id (an index seek on Neo4j, one pass over the few regions on the embedded
// store), the tasks through their document; every task is new in this transaction, so CREATE.
// One list per field, as in create-leads: task i mentions region i.
MATCH (r:Region)
WHERE r.id IN $regionIds
UNWIND range(0, size($taskIds) - 1) AS i
WITH r, i
WHERE r.id = $mentionedIds[i]
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = $taskIds[i]
CREATE (t)-[:MENTIONS]->(r)
