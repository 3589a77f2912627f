// Links a load is about to change, as they stand.
MATCH (l:RegionLink)
WHERE l.id IN $ids
RETURN l.id AS id, l.fromId AS fromId, l.toId AS toId, l.tasks AS tasks, l.issuerTasks AS issuerTasks, l.carrierTasks AS carrierTasks,
       l.comentionTasks AS comentionTasks
