UNWIND $rows AS row
MATCH (u:Unit {id: row.unitId})
MATCH (r:Region {id: row.regionId})
MERGE (u)-[:IN_JURISDICTION]->(r)
