UNWIND $rows AS row
MATCH (t:Task {id: row.taskId})
MATCH (r:Region {id: row.regionId})
MERGE (t)-[:MENTIONS]->(r)
