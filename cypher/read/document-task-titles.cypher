// The title, and every task's ref, title and units, of some documents: what identifies a plan
// whatever format it came in (server/documents/intake.ts compares them before loading a new file).
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE d.id IN $ids
OPTIONAL MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN d.id AS id, d.title AS title, t.ref AS ref, t.title AS taskTitle, collect(DISTINCT u.id) AS unitIds
