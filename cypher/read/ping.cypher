// Nothing read: a read transaction whose bookmark tells the last committed write (Neo4jStore.changeToken).
RETURN 1 AS ok
