// Tasks that mention any of the regions.
MATCH (t:Task)-[:MENTIONS]->(r:Region)
WHERE r.id IN $regionIds
RETURN DISTINCT t.id AS id
