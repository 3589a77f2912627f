// Every task's document and place in it: the TIES edges' order, written once for a store that had none (analytics.ts ensureTies).
MATCH (t:Task)
RETURN t.id AS id, t.documentId AS documentId, t.start AS start
