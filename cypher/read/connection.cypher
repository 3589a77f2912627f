// The shortest tie between two units through shared tasks and collectives.
MATCH (a:Unit {id: $fromId})
MATCH (b:Unit {id: $toId})
MATCH p = shortestPath((a)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN|MEMBER_OF*..8]-(b))
RETURN nodes(p) AS path
