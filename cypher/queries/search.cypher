// search(text, first, after, types): full-text search over the names, aliases and normalised names of
// every entity (index entity_names, CJK analyzer).
// Parameters: $query (the text normalised like stored names, escaped for Lucene, with a trailing * when
// it ends in a Latin letter or digit), $norm (the normalised text), $hits (index hits ranked before
// paging), $types (labels a hit must have one of, null for all), $first (rows to return: the service asks
// for one more than its page, to know whether a next page exists), and the keyset
// position of the page's start $afterScore, $afterId (both null for the first page).
// Bounds: $hits index hits, one page of $first rows.
// Score: Lucene's, + 10 when the normalised text is a whole normalised name or alias, else + 5 when a
// normalised name or alias contains it; rows ordered by score descending, then id.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $hits}) YIELD node, score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
WITH node, round(score + CASE WHEN (' / ' + node.normText + ' / ') CONTAINS (' / ' + $norm + ' / ') THEN 10.0
                              WHEN node.normText CONTAINS $norm THEN 5.0 ELSE 0.0 END, 6) AS score
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, score
ORDER BY score DESC, id
LIMIT $first
