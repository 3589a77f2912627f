// At most $limit relationships per call (empty.ts): relationships go before their nodes, so that no
// transaction holds a busy unit's thousands of relationships at once.
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
