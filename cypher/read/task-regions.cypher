UNWIND $taskIds AS k
WITH DISTINCT k
MATCH (t:Task {id: k})
MATCH (t)-[:MENTIONS]->(r:Region)
RETURN t.id AS taskId, r.id AS regionId
ORDER BY taskId, regionId
