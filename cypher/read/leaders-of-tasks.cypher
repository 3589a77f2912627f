// The leaders each task names, in the order the document names them; the post as written there.
UNWIND $taskIds AS k
WITH DISTINCT k
MATCH (t:Task {id: k})
MATCH (l:Leader)-[o:OVERSEES]->(t)
RETURN t.id AS taskId, l.id AS id, l.name AS name, o.post AS post, l.jurisdictionCode AS jurisdictionCode,
       o.start AS start, o.`end` AS `end`
ORDER BY taskId, start
