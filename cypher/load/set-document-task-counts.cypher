// Documents stored before they carried their number of tasks (analytics.ts, once).
MATCH (d:Document)
WITH d, count { MATCH (d)-[:HAS_TASK]->(:Task) } AS tasks
SET d.taskCount = tasks
