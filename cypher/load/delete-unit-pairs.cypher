// Unit pairs of one jurisdiction a load replaces (create-unit-pairs writes their new counts).
MATCH (p:UnitPair)
WHERE p.jurisdictionCode = $jurisdictionCode AND p.id IN $ids
DELETE p
