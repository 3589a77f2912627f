MATCH (d:Document {id: $id})
RETURN d.raw AS raw
