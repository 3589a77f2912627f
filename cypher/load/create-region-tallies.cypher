// Tallies counted afresh, or replacing those a load changes (delete-region-tallies went first): CREATE.
UNWIND $rows AS row
CREATE (:RegionTally {id: row.id, scale: row.scale, fromId: row.fromId, toId: row.toId, tasks: row.tasks})
