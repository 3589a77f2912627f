// Undoing TIES edges half written for a store of an earlier version (analytics.ts ensureTies): a batch at a time.
MATCH ()-[e:TIES]->()
WITH e
LIMIT 10000
DELETE e
RETURN count(*) AS deleted
