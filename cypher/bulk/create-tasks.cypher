UNWIND $rows AS row
CREATE (:Task {id: row.id, documentId: row.documentId, ref: row.ref, title: row.title, section: row.section,
    part: row.part, text: row.text, start: row.start, `end`: row.`end`, clauses: row.clauses, items: row.items,
    searchText: row.searchText, deadlineText: row.deadlineText, deadlineDate: row.deadlineDate,
    deadlineKind: row.deadlineKind, deadlineStart: row.deadlineStart, deadlineEnd: row.deadlineEnd})
