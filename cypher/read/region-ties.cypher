// The tasks that make a region a party with others (TIES, kept by every load), for the evidence of
// its links: each with the partner, read from the edges alone (no Task property: the embedded
// store would scan the Task table for it); the edge carries its task's ref and title for the list.
MATCH (:Region {id: $region})<-[e:TIES]-(:Task)
RETURN e.taskId AS id, e.partner AS partner, e.documentId AS documentId, e.start AS start, e.taskRef AS taskRef, e.taskTitle AS taskTitle
