// …then units with no task and no collective left.
MATCH (u:Unit)
WHERE NOT EXISTS { MATCH (u)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task) }
  AND NOT EXISTS { MATCH (u)-[:MEMBER_OF]-(:Unit) }
DETACH DELETE u
