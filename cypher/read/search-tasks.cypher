MATCH (t:Task)
WHERE t.searchText CONTAINS $text
RETURN t.id AS id
ORDER BY t.documentId, t.start
LIMIT $limit
