// The regions one task mentions (task-regions for one id, found in the primary key: graph/by-id.ts).
MATCH (t:Task {id: $id})
MATCH (t)-[:MENTIONS]->(r:Region)
RETURN t.id AS taskId, r.id AS regionId
ORDER BY taskId, regionId
