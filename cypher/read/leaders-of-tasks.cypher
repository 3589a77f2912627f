// The leaders each task names, in the order the document names them; the post as written there.
MATCH (l:Leader)-[o:OVERSEES]->(t:Task)
WHERE t.id IN $taskIds
RETURN t.id AS taskId, l.id AS id, l.name AS name, o.post AS post, l.jurisdictionCode AS jurisdictionCode,
       o.start AS start, o.`end` AS `end`
ORDER BY taskId, start
