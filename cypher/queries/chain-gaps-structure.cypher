// The gap report's structure when the local counts are kept (docs/design.md, "Gap statistics"): the
// chain, per found park its local platforms, and per segment of the chain (and FEEDS neighbour in
// another chain) its neighbours and platforms. The counts come from the :GapStats nodes, so nothing
// here reads an enterprise. Parameters: $chainId, $parkIds (list). One row (none for an unknown chain
// or a chain without segments), shaped like chain-gaps.cypher's without the counts.
// Membership in the chain is read from IN_CHAIN (one relationship per segment), not from a list of
// thousands of segments, so the statement costs O(segments + their FEEDS and SERVES relationships).
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
WITH c, members, outside
CALL {
  WITH c
  UNWIND $parkIds AS parkId
  MATCH (p:Park {id: parkId})
  // Platforms located in the park (or a sub-park) that serve a segment of the chain.
  CALL {
    WITH c, p
    OPTIONAL MATCH (p)<-[:PART_OF*0..10]-(:Park)<-[:LOCATED_IN]-(pl:Platform)
    WHERE EXISTS { (pl)-[:SERVES]->(:ChainNode)-[:IN_CHAIN]->(c) }
    RETURN [id IN collect(DISTINCT pl.id) WHERE id IS NOT NULL] AS localPlatforms
  }
  RETURN collect({park: p, localPlatforms: localPlatforms}) AS parks
}
UNWIND [x IN members | [x, true]] + [x IN outside | [x, false]] AS pair
WITH c, parks, pair[0] AS x, pair[1] AS inChain
RETURN c AS chain, parks,
       collect({node: x, inChain: inChain,
                upstream: CASE WHEN inChain THEN [(x)<-[:FEEDS]-(u:ChainNode) | u.id] ELSE [] END,
                downstream: CASE WHEN inChain THEN [(x)-[:FEEDS]->(d:ChainNode) | d.id] ELSE [] END,
                platforms: CASE WHEN inChain THEN [(x)<-[:SERVES]-(pl:Platform) | pl] ELSE [] END}) AS nodes
