UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MERGE (t:Task {id: row.id})
SET t.documentId = row.documentId, t.ref = row.ref, t.title = row.title, t.section = row.section, t.part = row.part,
    t.text = row.text, t.start = row.start, t.`end` = row.`end`, t.clauses = row.clauses, t.items = row.items,
    t.searchText = row.searchText
MERGE (d)-[:HAS_TASK]->(t)
