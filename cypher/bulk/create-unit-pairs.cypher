UNWIND $rows AS row
CREATE (:UnitPair {id: row.id, jurisdictionCode: row.jurisdictionCode, aId: row.aId, bId: row.bId, tasks: row.tasks})
