// Every document with what the documents page shows beside it: its tasks and the units they name.
MATCH (d:Document)
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN d.id AS id, d.file AS file, d.title AS title, d.kind AS kind, d.issuer AS issuer, d.date AS date,
       d.sha256 AS sha256, d.year AS year, d.yearFrom AS yearFrom, d.yearTo AS yearTo, d.series AS series, j.id AS jurisdictionCode, j.name AS jurisdictionName,
       count(DISTINCT t) AS tasks, count(DISTINCT u) AS units
ORDER BY id
