// A stored document's jurisdiction and the regions its tasks name, before a new version replaces
// it: what it added to the region links (analytics.ts subtracts it).
MATCH (d:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
OPTIONAL MATCH (t)-[:MENTIONS]->(m:Region)
RETURN t.id AS taskId, j.id AS jurisdictionCode, m.id AS regionId
