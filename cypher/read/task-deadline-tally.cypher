// How the tasks of one document ('' = any), of one plan year (-1 = any), stand against a window
// (timelineCoverage): counted by deadline kind, whether a date is stated, and whether it falls in
// the window; a few rows however many tasks. One jurisdiction's: task-deadline-tally-of-jurisdiction.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($documentId = '' OR d.id = $documentId)
  AND ($planYear < 0 OR (d.yearFrom > 0 AND d.yearFrom <= $planYear AND d.yearTo >= $planYear))
RETURN t.deadlineKind AS kind, t.deadlineDate <> '' AS dated,
       t.deadlineDate >= $from AND t.deadlineDate <= $to AS inWindow, count(*) AS tasks
