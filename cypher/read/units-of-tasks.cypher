// The units of some tasks, each once with how many of them it carries, most first (a cooperation
// link's units). In one pattern with the task found by id the embedded store (Kuzu 0.11) reads it in
// 0.3–0.55 s at 10,000 plans whatever the number of ids (the busiest link's 6,418 tasks: 0.53 s),
// where the same tasks' assignments read whole (assignments-of-tasks) took 2.6 s; Neo4j seeks each id.
UNWIND $taskIds AS k
MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task {id: k})
WITH u.id AS unitId, count(DISTINCT t) AS tasks
RETURN unitId, tasks
ORDER BY tasks DESC, unitId
