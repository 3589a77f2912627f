// Links with their new counts (a link no task ties any more is deleted instead: delete-region-links).
UNWIND $rows AS row
MERGE (l:RegionLink {id: row.id})
SET l.fromId = row.fromId, l.toId = row.toId, l.tasks = row.tasks, l.issuerTasks = row.issuerTasks,
    l.comentionTasks = row.comentionTasks
