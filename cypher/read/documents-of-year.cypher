// The documents of a plan year (api/years/scope.ts inYear: yearFrom ≤ year ≤ yearTo), with where
// each was issued and its task count: a year's scope and counts, without every document's row.
MATCH (d:Document)
WHERE d.yearFrom > 0 AND d.yearFrom <= $planYear AND d.yearTo >= $planYear
OPTIONAL MATCH (d)-[:ISSUED_IN]->(j:Region)
RETURN d.id AS id, j.id AS jurisdictionCode, d.taskCount AS taskCount
