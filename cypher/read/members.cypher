UNWIND $ids AS k
WITH DISTINCT k
MATCH (c:Unit {id: k})
MATCH (m:Unit)-[:MEMBER_OF]->(c)
RETURN c.id AS collectiveId, m.id AS memberId
ORDER BY collectiveId, memberId
