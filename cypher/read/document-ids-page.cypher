// One page of the documents, by id, of one jurisdiction ('' = all): the documents list without
// every document's row.
MATCH (d:Document)
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
WITH d, j
WHERE $jurisdiction = '' OR j.id = $jurisdiction
RETURN d.id AS id
ORDER BY id
SKIP $skip
LIMIT $limit
