// Regions already in the store: they never change, so only new ones are written.
MATCH (r:Region)
WHERE r.id IN $ids
RETURN r.id AS id
