// Links a load replaces (create-region-links writes their new counts).
MATCH (l:RegionLink)
WHERE l.id IN $ids
DELETE l
