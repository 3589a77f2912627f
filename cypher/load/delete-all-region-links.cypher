// Before every link is counted afresh (analytics.ts).
MATCH (l:RegionLink)
DELETE l
