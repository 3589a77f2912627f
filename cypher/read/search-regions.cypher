MATCH (r:Region)
WHERE r.searchText CONTAINS $text
RETURN r.id AS id
ORDER BY id
LIMIT $limit
