// Every task's document, place in it, ref and title: the TIES edges' order and what they carry,
// written once for a store that had none (analytics.ts ensureTies).
MATCH (t:Task)
RETURN t.id AS id, t.documentId AS documentId, t.start AS start, t.ref AS ref, t.title AS title
