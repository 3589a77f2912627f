// Unit pairs of one jurisdiction a load is about to change, as they stand.
MATCH (p:UnitPair)
WHERE p.jurisdictionCode = $jurisdictionCode AND p.id IN $ids
RETURN p.id AS id, p.aId AS aId, p.bId AS bId, p.tasks AS tasks
