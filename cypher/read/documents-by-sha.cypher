// The documents in the store with these contents (a correction names its document by digest).
MATCH (d:Document)
WHERE d.sha256 IN $shas
RETURN d.id AS id, d.sha256 AS sha256
