// Units already in the store, with the aliases other documents gave them (merged with the new ones).
MATCH (u:Unit)
WHERE u.id IN $ids
RETURN u.id AS id, u.aliases AS aliases
