// Links written before CARRIER ties were counted (null, or -1 where the column was added).
MATCH (l:RegionLink)
WHERE l.carrierTasks IS NULL OR l.carrierTasks < 0
RETURN count(l) AS links
