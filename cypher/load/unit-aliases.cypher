// Units of one jurisdiction already in the store, with the aliases other documents gave them.
// Every look-up of units starts from their jurisdiction (an index look-up and one hop): the
// embedded store has no index join, and matching a list of ids there scans every unit.
MATCH (:Region {id: $jurisdictionCode})<-[:IN_JURISDICTION]-(u:Unit)
WHERE u.id IN $ids
RETURN u.id AS id, u.aliases AS aliases
