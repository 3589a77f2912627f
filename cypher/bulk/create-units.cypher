// Units some note names (with the surfaces it wrote them as).
UNWIND $rows AS row
CREATE (:Unit {id: row.id, name: row.name, kind: row.kind, aliases: row.aliases, jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName, region: row.region, searchText: row.searchText, leadTasks: row.leadTasks,
    responsibleTasks: row.responsibleTasks, participantTasks: row.participantTasks, dueCounts: row.dueCounts})
