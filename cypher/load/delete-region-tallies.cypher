// Tallies a load replaces (create-region-tallies writes their new counts).
MATCH (t:RegionTally)
WHERE t.id IN $ids
DELETE t
