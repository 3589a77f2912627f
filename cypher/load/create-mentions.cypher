// The regions by id (an index seek on Neo4j, one pass over the few regions on the embedded
// store), the tasks through their document; every task is new in this transaction, so CREATE.
MATCH (r:Region)
WHERE r.id IN $regionIds
UNWIND $rows AS row
WITH r, row
WHERE r.id = row.regionId
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = row.taskId
CREATE (t)-[:MENTIONS]->(r)
