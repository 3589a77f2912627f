MATCH (p:UnitPair)
WHERE p.id IN $ids
DELETE p
