// What ties a region to others, for the evidence of its links (analytics/cooperation.ts picks a
// link's tasks from it): the tasks that name the region, with the jurisdiction that issued them,
// and the tasks of the documents the region issued; each with every region it names. Both parts
// start from the region by id and follow its edges. Every region a task names includes `$region`
// itself: two MATCH clauses, because within one pattern Neo4j never follows the same relationship
// twice (the embedded store does), which left the region out on Neo4j.
MATCH (:Region {id: $region})<-[:MENTIONS]-(t:Task)
MATCH (t)-[:MENTIONS]->(m:Region)
OPTIONAL MATCH (j:Region)<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t)
RETURN t.id AS id, t.documentId AS documentId, t.start AS start, j.id AS issuer, m.id AS mentioned
UNION
MATCH (r:Region {id: $region})<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t:Task)-[:MENTIONS]->(m:Region)
RETURN t.id AS id, t.documentId AS documentId, t.start AS start, r.id AS issuer, m.id AS mentioned
