// Tallies of a load in bulk into an empty store (graph-rows.ts).
UNWIND $rows AS row
CREATE (:RegionTally {id: row.id, scale: row.scale, fromId: row.fromId, toId: row.toId, tasks: row.tasks})
