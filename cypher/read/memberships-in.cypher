// Collective–member edges among the units of one jurisdiction.
MATCH (:Region {id: $jurisdiction})<-[:IN_JURISDICTION]-(m:Unit)-[:MEMBER_OF]->(c:Unit)
RETURN m.id AS memberId, c.id AS collectiveId
