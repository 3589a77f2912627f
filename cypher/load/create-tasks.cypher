// The document node is new in this transaction (create-document), so every task is: CREATE.
// One list per field, as in create-leads. A task with no deadline has '' texts and -1 offsets.
MATCH (d:Document {id: $documentId})
UNWIND range(0, size($ids) - 1) AS i
CREATE (d)-[:HAS_TASK]->(:Task {id: $ids[i], documentId: $documentId, ref: $refs[i], title: $titles[i],
    section: $sections[i], part: $parts[i], text: $texts[i], start: $taskStarts[i], `end`: $taskEnds[i],
    clauses: $clauseJson[i], items: $itemJson[i], searchText: $searchTexts[i],
    deadlineText: $deadlineTexts[i], deadlineDate: $deadlineDates[i], deadlineKind: $deadlineKinds[i],
    deadlineStart: $deadlineStarts[i], deadlineEnd: $deadlineEnds[i]})
