// What a unit's open duties need of their tasks (api/owed.ts): the head and the deadline, without
// the text, the bulk of what tasks-by-id reads (a busy city's units owe 14,000 tasks at 10,000 plans).
// By id one look-up per id, as tasks-by-id.
UNWIND $ids AS k
WITH DISTINCT k
MATCH (t:Task {id: k})
RETURN t.id AS id, t.documentId AS documentId, t.ref AS ref, t.title AS title,
       t.deadlineText AS deadlineText, t.deadlineDate AS deadlineDate, t.deadlineKind AS deadlineKind
