// Progress reports with their rows and issuing jurisdiction: what server/progress/links.ts links to plan tasks.
MATCH (d:Document)
WHERE d.kind = 'progress'
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
RETURN d.id AS id, d.title AS title, d.date AS date, d.sha256 AS sha256, d.progress AS progress, j.id AS jurisdictionCode
ORDER BY id
