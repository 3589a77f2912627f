UNWIND $rows AS row
MERGE (u:Unit {id: row.id})
SET u.name = row.name, u.kind = row.kind, u.jurisdictionCode = row.jurisdictionCode,
    u.jurisdictionName = row.jurisdictionName, u.region = row.region, u.searchText = row.searchText
