MATCH (m:Unit)-[:MEMBER_OF]->(c:Unit)
WHERE m.id IN $ids
RETURN m.id AS memberId, c.id AS collectiveId
ORDER BY memberId, collectiveId
