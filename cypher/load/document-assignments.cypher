// A stored document's assignments, before a new version replaces it: what it added to its units'
// load counts (analytics.ts subtracts it).
MATCH (:Document {id: $documentId})-[:HAS_TASK]->(t:Task)<-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]-(u:Unit)
RETURN t.id AS taskId, t.deadlineKind AS deadlineKind, t.deadlineDate AS deadlineDate, u.id AS unitId,
       u.jurisdictionCode AS jurisdictionCode, u.region AS unitRegion, r.role AS role
