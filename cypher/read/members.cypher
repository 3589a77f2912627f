MATCH (m:Unit)-[:MEMBER_OF]->(c:Unit)
WHERE c.id IN $ids
RETURN c.id AS collectiveId, m.id AS memberId
ORDER BY collectiveId, memberId
