// Units new to the store (unit-aliases said which), each with its jurisdiction edge.
// A unit's name, kind and region follow from its id, so an existing unit is never rewritten.
MATCH (r:Region {id: $jurisdictionCode})
UNWIND $rows AS row
CREATE (:Unit {id: row.id, name: row.name, kind: row.kind, jurisdictionCode: $jurisdictionCode,
    jurisdictionName: row.jurisdictionName, region: row.region, searchText: row.searchText})-[:IN_JURISDICTION]->(r)
