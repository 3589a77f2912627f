// The plan years' spans with how many documents have each: planYears counts a range in each of its
// years from these few rows instead of every document's.
MATCH (d:Document)
WHERE d.yearFrom > 0
RETURN d.yearFrom AS yearFrom, d.yearTo AS yearTo, count(*) AS documents
