// Aliases already known for these units (from other documents), to merge with the new ones.
MATCH (u:Unit)
WHERE u.id IN $ids
RETURN u.id AS id, u.aliases AS aliases
