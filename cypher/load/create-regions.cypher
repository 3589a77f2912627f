// Regions a document touches that the store lacks (the loader asks first): they never change.
UNWIND $rows AS row
CREATE (:Region {id: row.id, name: row.name, level: row.level, searchText: row.searchText})
