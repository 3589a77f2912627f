// One node, if the store holds any (a bulk load goes only into an empty store).
MATCH (n)
RETURN n.id AS id
LIMIT 1
