// Every task with its document's kind and jurisdiction: the corpus follow-ups weigh terms over.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
RETURN t.id AS id, d.id AS documentId, d.kind AS kind, j.id AS jurisdictionCode, d.sha256 AS sha256,
       t.title AS title, t.text AS text, t.items AS items
ORDER BY documentId, t.start
