// Pairs counted afresh, into a store that has none of them (recount).
UNWIND $rows AS row
CREATE (:UnitPair {id: row.id, jurisdictionCode: row.jurisdictionCode, aId: row.aId, bId: row.bId, tasks: row.tasks})
