// The document's old tasks were deleted in this transaction, so every task is new: CREATE.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (d)-[:HAS_TASK]->(t:Task {id: row.id, documentId: $documentId, ref: row.ref, title: row.title, section: row.section,
    part: row.part, text: row.text, start: row.start, `end`: row.`end`, clauses: row.clauses, items: row.items,
    searchText: row.searchText})
