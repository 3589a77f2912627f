// Tasks of one document ('' = all) whose text contains $text ('' = any), in document order.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($documentId = '' OR d.id = $documentId) AND ($text = '' OR t.searchText CONTAINS $text)
RETURN t.id AS id
ORDER BY t.documentId, t.start
