UNWIND $rows AS row
MATCH (u:Unit {id: row.id})
SET u.aliases = row.aliases
