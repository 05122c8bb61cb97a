// searchCount(text, types): how many hits search.cypher finds in all, with the same parameters and
// the same choice of hits (see there); at most three times $hits.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_keys', $keys, {limit: $hits}) YIELD node
  RETURN node
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $allPairs, {limit: $hits}) YIELD node
  RETURN node
}
WITH collect(node) AS found
CALL (found) {
  WITH found WHERE size(found) = 0
  CALL db.index.fulltext.queryNodes('entity_names', $anyPair, {limit: $hits}) YIELD node
  RETURN collect(node) AS partial
}
UNWIND found + partial AS node
WITH DISTINCT node
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN count(node) AS total
