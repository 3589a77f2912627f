// Before every pair is counted afresh (analytics.ts).
MATCH (p:UnitPair)
DELETE p
