// A new collective's members: the county governments of its jurisdiction.
MATCH (c:Unit {id: $collectiveId})
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(m:Unit)
WHERE m.id IN $memberIds
MERGE (m)-[:MEMBER_OF]->(c)
