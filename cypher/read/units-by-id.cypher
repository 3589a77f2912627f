// By id through the primary key (see tasks-by-id).
UNWIND $ids AS k
WITH DISTINCT k
MATCH (u:Unit {id: k})
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.aliases AS aliases, u.jurisdictionCode AS jurisdictionCode,
       u.jurisdictionName AS jurisdictionName, u.region AS region
