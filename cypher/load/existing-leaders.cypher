// Leaders already in the store (named by another document, or by this one before it changed).
MATCH (l:Leader)
WHERE l.id IN $ids
RETURN l.id AS id
