// The load counts of some units of one jurisdiction, before a load changes them (analytics.ts).
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
WHERE u.id IN $ids
RETURN u.id AS id, u.leadTasks AS leadTasks, u.responsibleTasks AS responsibleTasks,
       u.participantTasks AS participantTasks, u.dueCounts AS dueCounts
