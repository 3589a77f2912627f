// Before a document is (re)loaded: its old tasks go, and with them every assignment and mention.
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
DETACH DELETE t
