// gapCandidates(parkId, nodeId, first, after): enterprises outside a park that could fill a gap in one
// chain segment, best first (docs/design.md, "Fill candidates").
// Parameters: $parkId, $nodeId (the segment), $region (null, or the start of the candidates' region, e.g.
// 浙江省), $limit (the page size), and the keyset position of the page's start $afterScore, $afterName,
// $afterId (all null for the first page).
// Bounds: PART_OF chains of at most 10 (sub-parks of the park, sub-segments of the segment); one page
// of $limit rows.
// Scope = the park and its sub-parks, computed once; a candidate operates in the segment or one of its
// sub-segments and is located outside the scope. Its score: tags (LEADING 3, LISTED 2, UNICORN 2,
// SPECIALIZED 1, HIGH_TECH 1) + size (log10 of employees + 1, halved, + log10 of revenue + 1) +
// 2 × its best OPERATES_IN confidence (0.5 if unset) + 2 × its SUPPLIES ties with enterprises in the
// scope (at most 3 counted), rounded to 3 places. Rows ordered by score descending, name, id.
MATCH (p:Park {id: $parkId})
MATCH (n:ChainNode {id: $nodeId})
WITH p, n, [(sp:Park)-[:PART_OF*0..10]->(p) | sp] AS scope
CALL {
  WITH n, scope
  MATCH (n)<-[:PART_OF*0..10]-(seg:ChainNode)<-[o:OPERATES_IN]-(e:Enterprise)
  WHERE NOT EXISTS { MATCH (e)-[:LOCATED_IN]->(lp:Park) WHERE lp IN scope }
    AND ($region IS NULL OR e.region STARTS WITH $region)
  WITH scope, e, max(coalesce(o.confidence, 0.5)) AS confidence, collect(DISTINCT seg.name) AS segments
  CALL {
    WITH scope, e
    OPTIONAL MATCH (e)-[s:SUPPLIES]-(l:Enterprise)-[:LOCATED_IN]->(lp:Park)
    WHERE lp IN scope
    WITH e, s, l ORDER BY l.name, l.id, startNode(s) = e
    RETURN collect(CASE WHEN l IS NOT NULL THEN {id: l.id, name: l.name, supplies: startNode(s) = e,
                   product: s.product, since: s.since} END) AS ties
  }
  WITH e, confidence, segments, ties,
       CASE WHEN 'LEADING' IN e.tags THEN 3 ELSE 0 END + CASE WHEN 'LISTED' IN e.tags THEN 2 ELSE 0 END
       + CASE WHEN 'UNICORN' IN e.tags THEN 2 ELSE 0 END + CASE WHEN 'SPECIALIZED' IN e.tags THEN 1 ELSE 0 END
       + CASE WHEN 'HIGH_TECH' IN e.tags THEN 1 ELSE 0 END AS tagScore,
       coalesce(log10(e.employees + 1) / 2, 0) + coalesce(log10(e.revenue + 1), 0) AS sizeScore
  RETURN e, confidence, segments, ties,
         round(tagScore + sizeScore + 2 * confidence
               + 2 * CASE WHEN size(ties) > 3 THEN 3 ELSE size(ties) END, 3) AS score
}
WITH e, confidence, segments, ties, score
WHERE $afterScore IS NULL OR score < $afterScore
   OR (score = $afterScore AND (e.name > $afterName OR (e.name = $afterName AND e.id > $afterId)))
RETURN e, confidence, segments, ties, score, [(e)-[:LOCATED_IN]->(lp:Park) | lp.name][0] AS parkName
ORDER BY score DESC, e.name, e.id
LIMIT $limit
