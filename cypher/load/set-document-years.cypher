// A document's plan year and series, derived anew (server/graph/plan-years.ts).
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.year = row.year, d.yearFrom = row.yearFrom, d.yearTo = row.yearTo, d.yearSource = row.yearSource, d.series = row.series
