// Every region with what it lies within (administrative parent and named areas).
MATCH (r:Region)
OPTIONAL MATCH (r)-[:WITHIN]->(p:Region)
RETURN r.id AS id, r.name AS name, r.level AS level, collect(p.id) AS within
ORDER BY id
