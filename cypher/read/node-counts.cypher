// How many documents, tasks, units and regions the store holds: the sizes of four tables, cheap
// where stats (which also counts every assignment edge) grows with the plans (/healthz, the page's shell).
RETURN count { MATCH (:Document) } AS documents, count { MATCH (:Task) } AS tasks, count { MATCH (:Unit) } AS units,
       count { MATCH (:Region) } AS regions
