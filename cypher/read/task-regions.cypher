MATCH (t:Task)-[:MENTIONS]->(r:Region)
WHERE t.id IN $taskIds
RETURN t.id AS taskId, r.id AS regionId
ORDER BY taskId, regionId
