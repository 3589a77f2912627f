// Undoing a failed bulk load (the store was empty before it): a batch of nodes at a time.
MATCH (n)
WITH n
LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted
