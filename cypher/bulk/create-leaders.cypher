UNWIND $rows AS row
CREATE (:Leader {id: row.id, name: row.name, post: row.post, jurisdictionCode: row.jurisdictionCode, searchText: row.searchText})
