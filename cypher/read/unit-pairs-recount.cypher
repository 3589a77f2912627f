// Units sharing tasks, counted afresh from every assignment (analytics.ts).
MATCH (a:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(b:Unit)
WHERE a.id < b.id
RETURN a.id AS aId, b.id AS bId, count(DISTINCT t.id) AS tasks
