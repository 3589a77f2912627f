// Links counted afresh, or replacing those a load changes (delete-region-links went first): CREATE.
UNWIND $rows AS row
CREATE (:RegionLink {id: row.id, fromId: row.fromId, toId: row.toId, tasks: row.tasks, issuerTasks: row.issuerTasks, carrierTasks: row.carrierTasks,
    comentionTasks: row.comentionTasks})
