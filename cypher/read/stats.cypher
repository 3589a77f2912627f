RETURN count { MATCH (:Document) } AS documents, count { MATCH (:Task) } AS tasks, count { MATCH (:Unit) } AS units,
       count { MATCH (:Region) } AS regions, count { MATCH (:Unit)-[:LEADS]->(:Task) } AS leads,
       count { MATCH (:Unit)-[:RESPONSIBLE_FOR]->(:Task) } AS responsible,
       count { MATCH (:Unit)-[:PARTICIPATES_IN]->(:Task) } AS participants,
       count { MATCH (:Task)-[:MENTIONS]->(:Region) } AS mentions, count { MATCH (:Unit)-[:MEMBER_OF]->(:Unit) } AS memberships
