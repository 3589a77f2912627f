// The document is new, or its old node was deleted in this transaction (delete-document): CREATE.
CREATE (:Document {id: $id, file: $file, title: $title, titleInferred: $titleInferred, kind: $kind, issuer: $issuer,
    docNumber: $docNumber, date: $date, sha256: $sha256, encoding: $encoding, script: $script, leadRule: $leadRule,
    jurisdictionEvidence: $jurisdictionEvidence, figures: $figures, raw: $raw, taskCount: $taskCount,
    loadHash: $loadHash, progress: $progress, year: $year, yearFrom: $yearFrom, yearTo: $yearTo, yearSource: $yearSource,
    series: $series})
