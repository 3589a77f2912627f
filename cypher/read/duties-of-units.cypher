// Which tasks each unit holds and in which role, nothing more (api/owed.ts): a busy city's units hold
// 60,000 assignments at 10,000 plans, whose quotes are most of what assignments-of-units reads.
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(:Task)
WHERE u.id IN $unitIds
RETURN r.taskId AS taskId, u.id AS unitId, r.role AS role
