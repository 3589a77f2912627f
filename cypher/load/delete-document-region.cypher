MATCH (:Document {id: $documentId})-[r:ISSUED_IN]->(:Region)
DELETE r
