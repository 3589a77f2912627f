// By id through the primary key (see tasks-by-id).
UNWIND $ids AS k
WITH DISTINCT k
MATCH (l:Leader {id: k})
RETURN l.id AS id, l.name AS name, l.post AS post, l.jurisdictionCode AS jurisdictionCode
