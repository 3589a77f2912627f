// Region network tallies a load is about to change, as they stand (graph/region-tallies.ts).
MATCH (t:RegionTally)
WHERE t.id IN $ids
RETURN t.id AS id, t.scale AS scale, t.fromId AS fromId, t.toId AS toId, t.tasks AS tasks
