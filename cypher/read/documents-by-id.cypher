// Documents by id, through the primary key (tasks-by-id.cypher says why), with where each was
// issued: what documents.cypher gives, for the few a question names.
UNWIND $ids AS k
WITH DISTINCT k
MATCH (d:Document {id: k})
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
RETURN d.id AS id, d.file AS file, d.title AS title, d.titleInferred AS titleInferred, d.kind AS kind,
       d.issuer AS issuer, d.docNumber AS docNumber, d.date AS date, d.sha256 AS sha256, d.script AS script,
       d.leadRule AS leadRule, d.jurisdictionEvidence AS jurisdictionEvidence, d.figures AS figures, d.taskCount AS taskCount,
       d.year AS year, d.yearFrom AS yearFrom, d.yearTo AS yearTo, d.yearSource AS yearSource, d.series AS series,
       j.id AS jurisdictionCode, j.name AS jurisdictionName
