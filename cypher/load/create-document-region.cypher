// The document's old edge was deleted in this transaction: CREATE.
MATCH (d:Document {id: $documentId})
MATCH (r:Region {id: $regionId})
CREATE (d)-[:ISSUED_IN]->(r)
