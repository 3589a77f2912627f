// Units filtered by jurisdiction code, kind and text ('' = any), by name.
MATCH (u:Unit)
WHERE ($jurisdiction = '' OR u.jurisdictionCode = $jurisdiction) AND ($kind = '' OR u.kind = $kind)
  AND ($text = '' OR u.searchText CONTAINS $text)
RETURN u.id AS id
ORDER BY u.jurisdictionCode, u.name
LIMIT $limit
