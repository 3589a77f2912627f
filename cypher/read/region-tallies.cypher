// The region network's kept tallies (graph/region-tallies.ts): those of the scales asked, and the
// H tallies of the regions drawn as themselves because their city is opened ($opened; [''] for none).
MATCH (t:RegionTally)
WHERE t.scale IN $scales OR (t.scale = 'H' AND t.fromId IN $opened)
RETURN t.scale AS scale, t.fromId AS fromId, t.toId AS toId, t.tasks AS tasks
