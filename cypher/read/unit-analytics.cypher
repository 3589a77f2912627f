// The load counts kept on the units of one jurisdiction (an index look-up and one hop).
MATCH (:Region {id: $jurisdiction})<-[:IN_JURISDICTION]-(u:Unit)
RETURN u.id AS unitId, u.kind AS kind, u.leadTasks AS leadTasks, u.responsibleTasks AS responsibleTasks,
       u.participantTasks AS participantTasks, u.dueCounts AS dueCounts
