// Leaders new to the store (existing-leaders said which). A leader's name and jurisdiction follow
// from its id; the post is the one first written with the name.
UNWIND $rows AS row
CREATE (:Leader {id: row.id, name: row.name, post: row.post, jurisdictionCode: row.jurisdictionCode, searchText: row.searchText})
