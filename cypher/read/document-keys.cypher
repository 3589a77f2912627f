// What identifies each document (its id, title, bytes' digest and kind): what an upload checks for
// duplicates and what the progress links watch, without the rest of documents.cypher's columns.
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.sha256 AS sha256, d.kind AS kind
ORDER BY id
