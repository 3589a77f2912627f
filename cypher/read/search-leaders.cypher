MATCH (l:Leader)
WHERE l.searchText CONTAINS $text
RETURN l.id AS id
ORDER BY l.jurisdictionCode, l.name
LIMIT $limit
