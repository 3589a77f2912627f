UNWIND $rows AS row
CREATE (:Document {id: row.id, file: row.file, title: row.title, titleInferred: row.titleInferred, kind: row.kind,
    issuer: row.issuer, docNumber: row.docNumber, date: row.date, sha256: row.sha256, encoding: row.encoding,
    script: row.script, leadRule: row.leadRule, jurisdictionEvidence: row.jurisdictionEvidence, figures: row.figures,
    raw: row.raw, taskCount: row.taskCount, loadHash: row.loadHash, progress: row.progress, year: row.year, yearFrom: row.yearFrom, yearTo: row.yearTo,
    yearSource: row.yearSource, series: row.series})
