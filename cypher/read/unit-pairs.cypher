// The units of one jurisdiction ('' = all) that share tasks, with how many (kept by every load).
MATCH (p:UnitPair)
WHERE $jurisdiction = '' OR p.jurisdictionCode = $jurisdiction
RETURN p.id AS id, p.aId AS aId, p.bId AS bId, p.tasks AS tasks
ORDER BY tasks DESC, aId, bId
