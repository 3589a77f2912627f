// Two regions that both carry a task: the governments of both are among its units (湘乡市人民政府
// and 韶山市人民政府 responsible for one task of 湘潭's plan). Unit.region is set only on such governments.
// Unordered: every reader gathers the rows into sets per pair.
MATCH (a:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(b:Unit)
WHERE a.region <> '' AND b.region <> '' AND a.region < b.region
RETURN DISTINCT a.region AS fromId, b.region AS toId, t.id AS taskId
