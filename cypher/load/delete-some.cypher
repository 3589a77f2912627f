// At most $limit nodes (with their relationships) per call: a large store is emptied in
// transactions each small enough for Neo4j's per-transaction memory limit.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
