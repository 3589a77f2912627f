// The regions a document's tasks make parties (analytics.ts tieRows), as create-mentions writes
// its mentions: the regions by id, the tasks through their document; one list per field, edge i
// from task i to region i, naming partner i.
MATCH (r:Region)
WHERE r.id IN $regionIds
UNWIND range(0, size($taskIds) - 1) AS i
WITH r, i
WHERE r.id = $tiedIds[i]
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
WHERE t.id = $taskIds[i]
CREATE (t)-[:TIES {partner: $partners[i], taskId: t.id, documentId: $documentId, start: $tieStarts[i],
    taskRef: $taskRefs[i], taskTitle: $taskTitles[i]}]->(r)
