// The regions with a node tally (N): every region tied as a party has one.
MATCH (t:RegionTally)
WHERE t.scale = 'N'
RETURN t.fromId AS id
