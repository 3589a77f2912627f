// The leaders one task names (leaders-of-tasks for one id, found in the primary key: graph/by-id.ts).
MATCH (t:Task {id: $id})
MATCH (l:Leader)-[o:OVERSEES]->(t)
RETURN t.id AS taskId, l.id AS id, l.name AS name, o.post AS post, l.jurisdictionCode AS jurisdictionCode,
       o.start AS start, o.`end` AS `end`
ORDER BY taskId, start
