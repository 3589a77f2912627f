// Units new to the store (unit-aliases said which), each with its jurisdiction edge.
// A unit's name, kind and region follow from its id, so an existing unit is never rewritten.
// Its load counts start at nothing; the load that names it sets them (set-unit-analytics).
MATCH (r:Region {id: $jurisdictionCode})
UNWIND $rows AS row
CREATE (:Unit {id: row.id, name: row.name, kind: row.kind, jurisdictionCode: $jurisdictionCode,
    jurisdictionName: row.jurisdictionName, region: row.region, searchText: row.searchText, leadTasks: 0,
    responsibleTasks: 0, participantTasks: 0, dueCounts: '{}'})-[:IN_JURISDICTION]->(r)
