MATCH (l:Leader)
WHERE l.id IN $ids
RETURN l.id AS id, l.name AS name, l.post AS post, l.jurisdictionCode AS jurisdictionCode
