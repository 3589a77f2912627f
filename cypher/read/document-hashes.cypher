// What the store holds of these documents: a digest of the last load of each (skipUnchanged).
UNWIND $ids AS k
WITH DISTINCT k
MATCH (d:Document {id: k})
RETURN d.id AS id, d.loadHash AS loadHash
