// Aliases accumulate across documents; the search text follows them.
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
UNWIND $rows AS row
WITH u, row
WHERE u.id = row.id
SET u.aliases = row.aliases, u.searchText = row.searchText
