// The gap report's structure when the local counts are kept (docs/design.md, "Gap statistics"): the
// chain, per found park its local platforms, and per segment of the chain (and FEEDS neighbour in
// another chain) its neighbours and platforms. The counts come from the :GapStats nodes, so nothing
// here reads an enterprise. Parameters: $chainId, $parkIds (list). One row (none for an unknown chain
// or a chain without segments), shaped like chain-gaps.cypher's without the counts.
// Membership in the chain is read from IN_CHAIN (one relationship per segment), not from a list of
// thousands of segments, so the statement costs O(segments + their FEEDS and SERVES relationships),
// whatever the number of enterprises.
MATCH (c:Chain {id: $chainId})
CALL {
  WITH c
  MATCH (c)<-[:IN_CHAIN]-(n:ChainNode)
  RETURN collect(n) AS members
}
CALL {
  WITH c, members
  UNWIND members AS n
  MATCH (n)-[:FEEDS]-(m:ChainNode)
  WHERE NOT EXISTS { (m)-[:IN_CHAIN]->(c) }
  RETURN collect(DISTINCT m) AS outside
}
// The platforms that serve a segment of the chain, read once from the chain's side: a park's own
// LOCATED_IN relationships would also walk every enterprise located in it.
CALL {
  WITH c
  MATCH (c)<-[:IN_CHAIN]-(:ChainNode)<-[:SERVES]-(pl:Platform)
  RETURN collect(DISTINCT pl) AS serving
}
WITH c, members, outside, serving
CALL {
  WITH serving
  UNWIND $parkIds AS parkId
  MATCH (p:Park {id: parkId})
  // Those located in the park or a sub-park.
  CALL {
    WITH p
    MATCH (p)<-[:PART_OF*0..10]-(s:Park)
    RETURN collect(s) AS scope
  }
  RETURN collect({park: p,
                  localPlatforms: [pl IN serving WHERE EXISTS { MATCH (pl)-[:LOCATED_IN]->(q:Park) WHERE q IN scope } | pl.id]})
         AS parks
}
UNWIND [x IN members | [x, true]] + [x IN outside | [x, false]] AS pair
WITH c, parks, pair[0] AS x, pair[1] AS inChain
// Segments and platforms as the properties a report shows, not whole nodes (a thousand-segment chain).
RETURN c AS chain, parks,
       collect({node: x {.id, .name, .aliases, .stage, .description, .source, .version}, inChain: inChain,
                upstream: CASE WHEN inChain THEN [(x)<-[:FEEDS]-(u:ChainNode) | u.id] ELSE [] END,
                downstream: CASE WHEN inChain THEN [(x)-[:FEEDS]->(d:ChainNode) | d.id] ELSE [] END,
                platforms: CASE WHEN inChain
                           THEN [(x)<-[:SERVES]-(pl:Platform) | pl {.id, .name, .aliases, .kind, .level, .description, .source, .version}]
                           ELSE [] END}) AS nodes
