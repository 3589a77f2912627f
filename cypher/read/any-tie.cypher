// Whether the store has any TIES edge (a store written before they existed has none; analytics.ts ensureTies).
MATCH ()-[e:TIES]->()
RETURN e.taskId AS taskId
LIMIT 1
