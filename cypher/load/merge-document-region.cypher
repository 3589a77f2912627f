UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MATCH (r:Region {id: row.regionId})
MERGE (d)-[:ISSUED_IN]->(r)
