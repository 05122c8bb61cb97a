// search(text, first, after, types): the entities whose keys, names or aliases match a text (indexes
// entity_keys, keyword analyzer, and entity_names, CJK analyzer).
// Parameters (SearchText makes them from the text): $norm (the text normalised like stored names),
// $keys (Lucene query on entity_keys: the normalised text as one exact key, and as a key prefix when it is
// a code of at least 6 letters and digits), $allPairs (Lucene query on entity_names requiring every
// character pair and word of the text, in order within each part of it), $anyPair (the same text
// requiring any of them), $hits (hits taken from each index query), $types (labels a hit must have one
// of, null for all), $first (rows to return: the service asks for one more than its page, to know
// whether a next page exists), and the keyset position of the page's start $afterScore, $afterId (both
// null for the first page).
// Tiers, best first: 1000 for an exact key (normalised name, alias, id, listing or credit code), 500 for a
// key the text is a prefix of (codes: at least 6 characters), then the full-text hits with Lucene's score,
// + 10 when the text is a whole normalised name or alias, else + 5 when a normalised name or alias
// contains it. Full-text hits are those of $allPairs; only when neither query finds anything, those of
// $anyPair (partial matches). The type filter applies after that choice, so filtered hits are the
// unfiltered ones minus the other kinds. Rows are ordered by score descending, then id.
// Bounds: $hits hits per index query (at most three), one page of $first rows.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_keys', $keys, {limit: $hits}) YIELD node
  RETURN node, CASE WHEN $norm IN node.searchKeys THEN 1000.0 ELSE 500.0 END AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $allPairs, {limit: $hits}) YIELD node, score
  RETURN node, score
}
WITH collect({node: node, score: score}) AS found
CALL (found) {
  WITH found WHERE size(found) = 0
  CALL db.index.fulltext.queryNodes('entity_names', $anyPair, {limit: $hits}) YIELD node, score
  RETURN collect({node: node, score: score}) AS partial
}
UNWIND found + partial AS hit
WITH hit.node AS node, hit.score AS score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
WITH node, max(CASE WHEN score >= 500.0 THEN score
                    ELSE score + CASE WHEN (' / ' + node.normText + ' / ') CONTAINS (' / ' + $norm + ' / ') THEN 10.0
                                      WHEN node.normText CONTAINS $norm THEN 5.0 ELSE 0.0 END END) AS score
WITH node, round(score, 6) AS score
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, score
ORDER BY score DESC, id
LIMIT $first
