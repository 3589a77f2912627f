UNWIND $rows AS row
MATCH (a:Leader {id: row.fromId})
MATCH (b:Task {id: row.toId})
CREATE (a)-[:OVERSEES {post: row.post, start: row.start, `end`: row.`end`, documentId: row.documentId}]->(b)
