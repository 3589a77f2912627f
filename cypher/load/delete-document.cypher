// A replaced document goes node and all, after its tasks (delete-document-tasks), and is created
// afresh. Keeping the node is not an option on the embedded store: Kuzu 0.11, within the
// transaction that deleted a stored node's relationships and created new ones, reads the wrong
// nodes through them, so the new tasks would be misread.
MATCH (d:Document {id: $documentId})
DETACH DELETE d
