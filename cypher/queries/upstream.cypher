// upstream(id, depth, limit): what feeds a chain segment (FEEDS) or supplies an enterprise (SUPPLIES),
// followed against the arrows. downstream.cypher is the same statement along the arrows.
// Parameters: $id (the start, a ChainNode or an Enterprise), $limit (most nodes kept), $hints (true: every
// node's stages too, for the drawing hints lane and order; false: null, nothing more read).
// Bounds: paths of 1..{depth} hops. {depth} is the one text the service fills in: Neo4j takes path-length
// bounds only as literals, so the statement is prepared once per depth 1..25 (an int, never request
// text) and a request's depth, checked against chaingraph.query.max-depth, selects one.
// Each node is kept once at its shortest depth (ANY SHORTEST, breadth first), nearest first then by
// id, at most $limit of them; limit + 1 are collected to tell whether more were in reach (truncated).
// One row (none for an unknown id): the start's label, the nodes kept (the start not among them; with their
// stages when $hints), the FEEDS/SUPPLIES edges between the start and the kept nodes, truncated.
MATCH (s:Entity {id: $id})
CALL {
  WITH s
  CALL {
    WITH s
    MATCH p = ANY SHORTEST (s:ChainNode)<-[:FEEDS]-{1,{depth}}(n:ChainNode)
    WHERE n <> s
    RETURN n, length(p) AS depth
    UNION
    WITH s
    MATCH p = ANY SHORTEST (s:Enterprise)<-[:SUPPLIES]-{1,{depth}}(n:Enterprise)
    WHERE n <> s
    RETURN n, length(p) AS depth
  }
  WITH n, depth ORDER BY depth, n.id LIMIT $limit + 1
  RETURN collect({n: n, depth: depth}) AS found
}
WITH s, found[0..$limit] AS kept, size(found) > $limit AS truncated
WITH s, kept, truncated, [s] + [k IN kept | k.n] AS members
CALL {
  WITH members
  UNWIND members AS a
  MATCH (a)-[r:FEEDS|SUPPLIES]->(b)
  WHERE b IN members
  RETURN collect({type: type(r), source: a.id, target: b.id}) AS edges
}
CALL {
  WITH kept
  UNWIND range(0, size(kept) - 1) AS i
  WITH i, kept[i].n AS n, kept[i].depth AS depth ORDER BY i
  RETURN collect({id: n.id, name: n.name, labels: labels(n), depth: depth,
                  stages: CASE WHEN NOT $hints THEN null
                               WHEN n:ChainNode THEN [n.stage]
                               WHEN n:Enterprise THEN [(n)-[:OPERATES_IN]->(c:ChainNode) | c.stage]
                               WHEN n:Platform THEN [(n)-[:SERVES]->(c:ChainNode) | c.stage]
                               ELSE [] END}) AS nodes
}
RETURN [l IN labels(s) WHERE l <> 'Entity'][0] AS startType, nodes, edges, truncated
