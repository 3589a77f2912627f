// The pairs of regions tied by tasks, with how many (kept up to date by every load); of one region, or all ('').
MATCH (l:RegionLink)
WHERE $region = '' OR l.fromId = $region OR l.toId = $region
RETURN l.id AS id, l.fromId AS fromId, l.toId AS toId, l.tasks AS tasks, l.issuerTasks AS issuerTasks, l.carrierTasks AS carrierTasks,
       l.comentionTasks AS comentionTasks
ORDER BY tasks DESC, fromId, toId
