// Every assignment of some documents' tasks, with what a count needs (a unit's jurisdiction and kind, the
// task's due date): the year filter counts from these instead of the counts kept for all years (api/years/scope.ts).
MATCH (t:Task)
WHERE t.documentId IN $documentIds
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t)
RETURN u.id AS unitId, u.kind AS kind, u.jurisdictionCode AS jurisdictionCode, t.id AS taskId, t.documentId AS documentId,
       r.role AS role, t.deadlineKind AS deadlineKind, t.deadlineDate AS deadlineDate
