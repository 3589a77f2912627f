// The tasks a region carries with other regions, for the evidence of its CARRIER links
// (analytics/cooperation.ts): tasks that assign its government and another region's.
MATCH (a:Unit {region: $region})-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(b:Unit)
WHERE b.region <> '' AND b.region <> $region
RETURN DISTINCT t.id AS id, t.documentId AS documentId, t.start AS start, b.region AS partner
