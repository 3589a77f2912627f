// The documents of one series (plan-years.ts): a plan's other years, without every document's row.
MATCH (d:Document)
WHERE d.series = $series
RETURN d.id AS id
