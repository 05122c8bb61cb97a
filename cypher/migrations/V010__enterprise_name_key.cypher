// Enterprises in Chinese (pinyin) name order: nameKey is the name's collation key (docs/api.md, "Sorting"),
// written by the importer and the curation mutations; the service fills it for enterprises written before
// at start-up (a Cypher statement cannot compute it). The index backs the keyset pages by (nameKey, id).
CREATE INDEX enterprise_name_key_id IF NOT EXISTS FOR (n:Enterprise) ON (n.nameKey, n.id);
