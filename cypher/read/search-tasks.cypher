MATCH (t:Task)
WHERE t.searchText CONTAINS $text
RETURN t.id AS id, t.documentId AS documentId, t.ref AS ref, t.title AS title
ORDER BY t.documentId, t.start
LIMIT $limit
