// One task by id, a look-up in the primary key (graph/by-id.ts: the embedded store's way to read tasks by id).
MATCH (t:Task {id: $id})
RETURN t.id AS id, t.documentId AS documentId, t.ref AS ref, t.title AS title, t.section AS section, t.part AS part,
       t.text AS text, t.start AS start, t.`end` AS `end`, t.clauses AS clauses, t.items AS items,
       t.deadlineText AS deadlineText, t.deadlineDate AS deadlineDate, t.deadlineKind AS deadlineKind,
       t.deadlineStart AS deadlineStart, t.deadlineEnd AS deadlineEnd
