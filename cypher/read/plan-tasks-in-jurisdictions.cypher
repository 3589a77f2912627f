// The tasks of the plans issued by these jurisdictions: the candidates a progress report's rows are linked to.
MATCH (j:Region)<-[:ISSUED_IN]-(d:Document)-[:HAS_TASK]->(t:Task)
WHERE j.id IN $codes AND d.kind = 'plan'
RETURN t.id AS id, t.ref AS ref, t.title AS title, t.text AS text, d.id AS documentId, j.id AS jurisdictionCode
ORDER BY id
