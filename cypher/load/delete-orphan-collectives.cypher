// After a document is replaced: collectives no task names any more…
MATCH (c:Unit {kind: 'collective'})
WHERE NOT EXISTS { MATCH (c)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task) }
DETACH DELETE c
