// After documents are replaced (with the orphan units): leaders no task names any more.
MATCH (l:Leader)
WHERE count { MATCH (l)-[:OVERSEES]->(:Task) } = 0
DETACH DELETE l
