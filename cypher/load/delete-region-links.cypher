MATCH (l:RegionLink)
WHERE l.id IN $ids
DELETE l
