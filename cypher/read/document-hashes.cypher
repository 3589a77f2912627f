// What the store holds of these documents: a digest of the last load of each (skipUnchanged).
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.loadHash AS loadHash
