// Bulk load (an empty store; server/graph/bulk-unwind.ts): one batch of rows per statement.
UNWIND $rows AS row
CREATE (:Region {id: row.id, name: row.name, level: row.level, searchText: row.searchText})
