// Tasks are reached through their document (an index lookup), not by scanning every task.
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
UNWIND $rows AS row
WITH t, row
WHERE t.id = row.taskId
MATCH (r:Region {id: row.regionId})
CREATE (t)-[:MENTIONS]->(r)
