// The document node is new in this transaction (create-document): CREATE.
MATCH (d:Document {id: $documentId})
MATCH (r:Region {id: $regionId})
CREATE (d)-[:ISSUED_IN]->(r)
