// network(id, depth, limit, relationshipTypes, labels): the neighbourhood of any entity, every
// relationship in either direction.
// Parameters: $id (the start), $limit (most nodes in the answer, the start counted: at least 1), $types (relationship types
// followed, null for all), $labels (labels a node passed through or reached must have one of, null for all),
// $hints (true: every node's stages too, for the drawing hints lane and order; false: null, nothing more read).
// Bounds: paths of 1..{depth} hops. {depth} is the one text the service fills in: Neo4j takes path-length
// bounds only as literals, so the statement is prepared once per depth 1..25 (an int, never request
// text) and a request's depth, checked against chaingraph.query.max-depth, selects one.
// Each node is kept once at its shortest depth (ANY SHORTEST, breadth first), nearest first then by
// id, at most $limit - 1 of them besides the start; $limit are collected to tell whether more were in
// reach (truncated).
// One row (none for an unknown id): the start's label, the start (depth 0) and the nodes kept (with their
// stages when $hints), the edges of the followed types between them, truncated.
MATCH (s:Entity {id: $id})
CALL {
  WITH s
  MATCH p = ANY SHORTEST (s)(()-[r]-(x:Entity)
      WHERE ($types IS NULL OR type(r) IN $types)
        AND ($labels IS NULL OR any(l IN labels(x) WHERE l IN $labels))){1,{depth}}(n)
  WHERE n <> s
  WITH n, length(p) AS depth ORDER BY depth, n.id LIMIT $limit
  RETURN collect({n: n, depth: depth}) AS found
}
WITH s, found[0..$limit - 1] AS kept, size(found) > $limit - 1 AS truncated
WITH s, kept, truncated, [s] + [k IN kept | k.n] AS members
CALL {
  WITH members
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE b IN members AND ($types IS NULL OR type(r) IN $types)
  RETURN collect({type: type(r), source: a.id, target: b.id}) AS edges
}
CALL {
  WITH s, kept
  WITH [{n: s, depth: 0}] + kept AS drawn
  UNWIND range(0, size(drawn) - 1) AS i
  WITH i, drawn[i].n AS n, drawn[i].depth AS depth ORDER BY i
  RETURN collect({id: n.id, name: n.name, labels: labels(n), depth: depth,
                  stages: CASE WHEN NOT $hints THEN null
                               WHEN n:ChainNode THEN [n.stage]
                               WHEN n:Enterprise THEN [(n)-[:OPERATES_IN]->(c:ChainNode) | c.stage]
                               WHEN n:Platform THEN [(n)-[:SERVES]->(c:ChainNode) | c.stage]
                               ELSE [] END}) AS nodes
}
RETURN [l IN labels(s) WHERE l <> 'Entity'][0] AS startType, nodes, edges, truncated
