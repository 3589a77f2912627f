// Whether a report is stored (follow-ups are a report's, api/resolvers.ts): one row or none, where
// reading every document to look (10,000 plans: 10,010 rows, 0.4 s) held up every task panel.
MATCH (d:Document)
WHERE d.kind = 'report'
RETURN d.id AS id
LIMIT 1
