// Every jurisdiction with units: how many units, and the documents it issued with their tasks.
MATCH (r:Region)<-[:IN_JURISDICTION]-(u:Unit)
WITH r, count(u) AS units
OPTIONAL MATCH (r)<-[:ISSUED_IN]-(d:Document)
RETURN r.id AS id, units, count(d) AS documents, sum(d.taskCount) AS tasks
ORDER BY tasks DESC, id
