// The gap report's structure when the local counts are kept (docs/design.md, "Gap statistics"): the
// chain, per found park its local platforms, and per segment of the chain (and FEEDS neighbour in
// another chain) its neighbours and platforms. The counts come from the :GapStats nodes, so nothing
// here reads an enterprise. Parameters: $chainId, $parkIds (list). One row (none for an unknown chain
// or a chain without segments), shaped like chain-gaps.cypher's without the counts.
MATCH (c:Chain {id: $chainId})
CALL {
  WITH c
  MATCH (c)<-[:IN_CHAIN]-(n:ChainNode)
  RETURN collect(n) AS members
}
CALL {
  WITH members
  UNWIND members AS n
  MATCH (n)-[:FEEDS]-(m:ChainNode)
  WHERE NOT m IN members
  RETURN collect(DISTINCT m) AS outside
}
WITH c, members, members + outside AS xs
CALL {
  WITH members
  UNWIND $parkIds AS parkId
  MATCH (p:Park {id: parkId})
  // Platforms located in the park (or a sub-park) that serve a segment of the chain.
  CALL {
    WITH p, members
    WITH members, [(sp:Park)-[:PART_OF*0..10]->(p) | sp] AS scope
    MATCH (pl:Platform)-[:LOCATED_IN]->(lp:Park)
    WHERE lp IN scope AND EXISTS { MATCH (pl)-[:SERVES]->(x:ChainNode) WHERE x IN members }
    RETURN collect(DISTINCT pl.id) AS localPlatforms
  }
  RETURN collect({park: p, localPlatforms: localPlatforms}) AS parks
}
UNWIND xs AS x
WITH c, parks, x, x IN members AS inChain
RETURN c AS chain, parks,
       collect({node: x, inChain: inChain,
                upstream: CASE WHEN inChain THEN [(x)<-[:FEEDS]-(u:ChainNode) | u.id] ELSE [] END,
                downstream: CASE WHEN inChain THEN [(x)-[:FEEDS]->(d:ChainNode) | d.id] ELSE [] END,
                platforms: CASE WHEN inChain THEN [(x)<-[:SERVES]-(pl:Platform) | pl] ELSE [] END}) AS nodes
