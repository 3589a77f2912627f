// The evidence of one link: tasks naming both regions, and tasks of a document either issued that
// name the other. Each part starts from a region by id and follows its edges.
MATCH (:Region {id: $fromId})<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(:Region {id: $toId})
RETURN t.id AS id, t.documentId AS documentId, t.start AS start
UNION
MATCH (:Region {id: $fromId})<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t:Task)-[:MENTIONS]->(:Region {id: $toId})
RETURN t.id AS id, t.documentId AS documentId, t.start AS start
UNION
MATCH (:Region {id: $toId})<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t:Task)-[:MENTIONS]->(:Region {id: $fromId})
RETURN t.id AS id, t.documentId AS documentId, t.start AS start
