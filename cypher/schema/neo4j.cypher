// Neo4j schema: a uniqueness constraint (and so an index) on every id, and the look-ups the API
// needs. The embedded store declares the same model as tables (server/graph/dialect.ts).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (u:Unit) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (r:Region) REQUIRE r.id IS UNIQUE;
CREATE INDEX unit_name IF NOT EXISTS FOR (u:Unit) ON (u.name);
CREATE INDEX unit_jurisdiction IF NOT EXISTS FOR (u:Unit) ON (u.jurisdictionCode, u.kind);
CREATE TEXT INDEX unit_search IF NOT EXISTS FOR (u:Unit) ON (u.searchText);
CREATE INDEX task_title IF NOT EXISTS FOR (t:Task) ON (t.title);
CREATE TEXT INDEX task_search IF NOT EXISTS FOR (t:Task) ON (t.searchText);
CREATE INDEX task_document IF NOT EXISTS FOR (t:Task) ON (t.documentId);
CREATE INDEX region_name IF NOT EXISTS FOR (r:Region) ON (r.name);
CREATE TEXT INDEX region_search IF NOT EXISTS FOR (r:Region) ON (r.searchText);
CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (l:Leader) REQUIRE l.id IS UNIQUE;
CREATE TEXT INDEX leader_search IF NOT EXISTS FOR (l:Leader) ON (l.searchText);
CREATE INDEX task_deadline IF NOT EXISTS FOR (t:Task) ON (t.deadlineDate);
// The links kept by every load (server/graph/analytics.ts), read by id and by either end.
CREATE CONSTRAINT region_link_id IF NOT EXISTS FOR (l:RegionLink) REQUIRE l.id IS UNIQUE;
CREATE INDEX region_link_from IF NOT EXISTS FOR (l:RegionLink) ON (l.fromId);
CREATE INDEX region_link_to IF NOT EXISTS FOR (l:RegionLink) ON (l.toId);
CREATE CONSTRAINT region_tally_id IF NOT EXISTS FOR (t:RegionTally) REQUIRE t.id IS UNIQUE;
CREATE INDEX region_tally_scale IF NOT EXISTS FOR (t:RegionTally) ON (t.scale);
CREATE CONSTRAINT unit_pair_id IF NOT EXISTS FOR (p:UnitPair) REQUIRE p.id IS UNIQUE;
CREATE INDEX unit_pair_jurisdiction IF NOT EXISTS FOR (p:UnitPair) ON (p.jurisdictionCode);
