// Units no note writes (members known only from the divisions): no aliases.
UNWIND $rows AS row
CREATE (:Unit {id: row.id, name: row.name, kind: row.kind, jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName, region: row.region, searchText: row.searchText, leadTasks: row.leadTasks,
    responsibleTasks: row.responsibleTasks, participantTasks: row.participantTasks, dueCounts: row.dueCounts})
