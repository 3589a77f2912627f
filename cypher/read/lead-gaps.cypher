// Every task of a document ('' = all) with its leads per clause, for the accountability-gap checks.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE $documentId = '' OR d.id = $documentId
OPTIONAL MATCH (u:Unit)-[r:LEADS]->(t)
RETURN t.id AS taskId, u.id AS unitId, u.kind AS kind, r.inferred AS inferred, r.clause AS clause
ORDER BY taskId, clause
