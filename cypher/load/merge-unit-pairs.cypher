// Unit pairs with their new counts (a pair sharing no task any more is deleted instead: delete-unit-pairs).
UNWIND $rows AS row
MERGE (p:UnitPair {id: row.id})
SET p.jurisdictionCode = row.jurisdictionCode, p.aId = row.aId, p.bId = row.bId, p.tasks = row.tasks
