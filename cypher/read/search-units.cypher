MATCH (u:Unit)
WHERE u.searchText CONTAINS $text
RETURN u.id AS id
ORDER BY u.jurisdictionCode, u.name
LIMIT $limit
