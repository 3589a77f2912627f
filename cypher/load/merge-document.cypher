// Scalar parameters, not a one-row list: an index look-up on both stores.
MERGE (d:Document {id: $id})
SET d.file = $file, d.title = $title, d.titleInferred = $titleInferred, d.kind = $kind, d.issuer = $issuer,
    d.docNumber = $docNumber, d.date = $date, d.sha256 = $sha256, d.encoding = $encoding, d.script = $script,
    d.leadRule = $leadRule, d.jurisdictionEvidence = $jurisdictionEvidence, d.figures = $figures, d.raw = $raw
