// After documents are replaced (in a transaction of its own): collectives no task names any more…
MATCH (c:Unit {kind: 'collective'})
WHERE NOT EXISTS { MATCH (c)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task) }
DETACH DELETE c
