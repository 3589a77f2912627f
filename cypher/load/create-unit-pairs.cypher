// Pairs counted afresh, or replacing those a load changes (delete-unit-pairs went first): CREATE.
UNWIND $rows AS row
CREATE (:UnitPair {id: row.id, jurisdictionCode: row.jurisdictionCode, aId: row.aId, bId: row.bId, tasks: row.tasks})
