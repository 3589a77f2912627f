// New load counts for units of one jurisdiction, in the transaction of the load that changed them.
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
UNWIND $rows AS row
WITH u, row
WHERE u.id = row.id
SET u.leadTasks = row.leadTasks, u.responsibleTasks = row.responsibleTasks, u.participantTasks = row.participantTasks,
    u.dueCounts = row.dueCounts
