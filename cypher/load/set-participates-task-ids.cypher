// Edges written before they carried their task's id get it (analytics.ts ensureAssignmentTaskIds).
MATCH (:Unit)-[r:PARTICIPATES_IN]->(t:Task)
WHERE r.taskId IS NULL OR r.taskId = ''
SET r.taskId = t.id
