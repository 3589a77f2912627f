// What a document's plan year and series are derived from, and what is stored (plan-years.ts keeps them in step).
MATCH (d:Document)
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
RETURN d.id AS id, d.title AS title, d.issuer AS issuer, d.docNumber AS docNumber, d.date AS date, j.id AS jurisdictionCode,
       d.year AS year, d.yearFrom AS yearFrom, d.yearTo AS yearTo, d.yearSource AS yearSource, d.series AS series
ORDER BY id
