// Units written before their load counts were kept (null, or -1 where the column was added).
MATCH (u:Unit)
WHERE u.leadTasks IS NULL OR u.leadTasks < 0
RETURN count(u) AS units
