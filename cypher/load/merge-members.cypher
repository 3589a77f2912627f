UNWIND $rows AS row
MATCH (m:Unit {id: row.memberId})
MATCH (c:Unit {id: row.collectiveId})
MERGE (m)-[:MEMBER_OF]->(c)
