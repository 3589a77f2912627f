// Every tally, before they are counted afresh.
MATCH (t:RegionTally)
DELETE t
