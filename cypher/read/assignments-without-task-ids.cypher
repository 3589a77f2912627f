// An assignment written before edges carried their task's id (a store of an earlier version).
MATCH (:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task)
WHERE r.taskId IS NULL OR r.taskId = ''
RETURN r.documentId AS documentId
LIMIT 1
