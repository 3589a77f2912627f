// Links with tasks that make their regions parties: each of their regions, unless the link is
// hierarchy, has a node tally (a store written before the tallies existed has none; analytics.ts).
MATCH (l:RegionLink)
WHERE l.issuerTasks > 0 OR l.carrierTasks > 0
RETURN l.fromId AS fromId, l.toId AS toId
