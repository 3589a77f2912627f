// Regions a document touches (and their ancestors); shared by documents, so MERGE.
UNWIND $rows AS row
MERGE (r:Region {id: row.id})
SET r.name = row.name, r.level = row.level, r.searchText = row.searchText
