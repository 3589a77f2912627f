// Units that share tasks with the given units, with how many tasks they share.
MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(p:Unit)
WHERE u.id IN $unitIds AND p.id <> u.id
RETURN u.id AS unitId, p.id AS partnerId, count(DISTINCT t.id) AS sharedTasks
ORDER BY unitId, sharedTasks DESC, partnerId
