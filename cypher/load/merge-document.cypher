UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.file = row.file, d.title = row.title, d.titleInferred = row.titleInferred, d.kind = row.kind,
    d.issuer = row.issuer, d.docNumber = row.docNumber, d.date = row.date, d.sha256 = row.sha256,
    d.encoding = row.encoding, d.script = row.script, d.leadRule = row.leadRule,
    d.jurisdictionEvidence = row.jurisdictionEvidence, d.figures = row.figures, d.raw = row.raw
