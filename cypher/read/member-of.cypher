UNWIND $ids AS k
WITH DISTINCT k
MATCH (m:Unit {id: k})
MATCH (m)-[:MEMBER_OF]->(c:Unit)
RETURN m.id AS memberId, c.id AS collectiveId
ORDER BY memberId, collectiveId
