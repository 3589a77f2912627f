MATCH (u:Unit)
WHERE u.id IN $ids
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.aliases AS aliases, u.jurisdictionCode AS jurisdictionCode,
       u.jurisdictionName AS jurisdictionName, u.region AS region
