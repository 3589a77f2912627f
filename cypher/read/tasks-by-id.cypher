// By id through the primary key, one look-up per id (UNWIND): `WHERE x.id IN $ids` scans every node
// on the embedded store, comparing each with the whole list (25,000 tasks: 5 s instead of 0.2 s).
// Done where the table is large and the lists long (tasks, documents), each measured: for units
// (hundreds) IN is as fast, and Kuzu plans some UNWIND forms as a join over every relationship
// (a unit's partners: 8 s instead of 16 ms), so those stay with IN.
UNWIND $ids AS k
WITH DISTINCT k
MATCH (t:Task {id: k})
RETURN t.id AS id, t.documentId AS documentId, t.ref AS ref, t.title AS title, t.section AS section, t.part AS part,
       t.text AS text, t.start AS start, t.`end` AS `end`, t.clauses AS clauses, t.items AS items,
       t.deadlineText AS deadlineText, t.deadlineDate AS deadlineDate, t.deadlineKind AS deadlineKind,
       t.deadlineStart AS deadlineStart, t.deadlineEnd AS deadlineEnd
