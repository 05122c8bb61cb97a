// The gap report behind chainGaps and compareParks (docs/design.md, "Gap semantics"), one statement for any number of parks.
// Parameters: $chainId, $parkIds (list), $weakBelow. One row (none for an unknown chain or a chain
// without segments): the chain, per found park its local counts, and per segment its neighbours.
//
// localCount of a segment x = distinct enterprises located in the park or its sub-parks that operate
// in x or any of its PART_OF descendants. The park's local enterprises are read once, grouped by the
// segment they work in, and rolled up to the segments' ancestors; nothing is evaluated per enterprise
// and segment pair. The count of enterprises elsewhere (the pool a gap could be filled from) is only
// computed for segments that are a gap (localCount < $weakBelow) in at least one of the parks.
MATCH (c:Chain {id: $chainId})
CALL {
  WITH c
  MATCH (c)<-[:IN_CHAIN]-(n:ChainNode)
  RETURN collect(n) AS members
}
// FEEDS neighbours in other chains count for BROKEN, so their local counts are needed too.
CALL {
  WITH members
  UNWIND members AS n
  MATCH (n)-[:FEEDS]-(m:ChainNode)
  WHERE NOT m IN members
  RETURN collect(DISTINCT m) AS outside
}
WITH c, members, members + outside AS xs
CALL {
  WITH members, xs
  UNWIND $parkIds AS parkId
  MATCH (p:Park {id: parkId})
  // The park's local enterprises, grouped by the segment (of any chain) they work in.
  CALL {
    WITH p
    MATCH (p)<-[:PART_OF*0..10]-(:Park)<-[:LOCATED_IN]-(e:Enterprise)-[:OPERATES_IN]->(d:ChainNode)
    WITH d, collect(e) AS es
    RETURN collect({d: d, es: es}) AS perSegment
  }
  // Rolled up: each segment of interest counts the distinct enterprises of its sub-tree.
  CALL {
    WITH xs, perSegment
    UNWIND perSegment AS s
    WITH xs, s.d AS d, s.es AS es
    MATCH (d)-[:PART_OF*0..10]->(x:ChainNode)
    WHERE x IN xs
    UNWIND es AS e
    WITH x, count(DISTINCT e) AS n
    RETURN collect({id: x.id, n: n}) AS locals
  }
  CALL {
    WITH members, perSegment
    UNWIND perSegment AS s
    WITH s.d AS d, s.es AS es
    WHERE d IN members
    UNWIND es AS e
    WITH d.stage AS stage, collect(DISTINCT e) AS inStage
    RETURN collect({stage: stage, n: size(inStage)}) AS perStage
  }
  CALL {
    WITH members, perSegment
    UNWIND perSegment AS s
    WITH s.d AS d, s.es AS es
    WHERE d IN members
    UNWIND es AS e
    RETURN count(DISTINCT e) AS localEnterprises
  }
  // Platforms located in the park (or a sub-park) that serve a segment of the chain.
  CALL {
    WITH p, members
    WITH members, [(sp:Park)-[:PART_OF*0..10]->(p) | sp] AS scope
    MATCH (pl:Platform)-[:LOCATED_IN]->(lp:Park)
    WHERE lp IN scope AND EXISTS { MATCH (pl)-[:SERVES]->(x:ChainNode) WHERE x IN members }
    RETURN collect(DISTINCT pl.id) AS localPlatforms
  }
  RETURN collect({park: p, locals: locals, perStage: perStage, localEnterprises: localEnterprises,
                  localPlatforms: localPlatforms}) AS parks,
         collect([l IN locals WHERE l.n >= $weakBelow | l.id]) AS strongPerPark
}
// Segments that are no gap in any of the parks need no count of enterprises elsewhere.
CALL {
  WITH strongPerPark
  UNWIND strongPerPark AS strong
  UNWIND strong AS id
  WITH size(strongPerPark) AS parkCount, id, count(*) AS parksHoldingIt
  WHERE parksHoldingIt = parkCount
  RETURN collect(id) AS strongIds
}
UNWIND xs AS x
CALL {
  WITH x, members, strongIds
  WITH x WHERE x IN members AND NOT x.id IN strongIds
  MATCH (x)<-[:PART_OF*0..10]-(:ChainNode)<-[:OPERATES_IN]-(e:Enterprise)
  RETURN count(DISTINCT e) AS total
}
WITH c, parks, x, x IN members AS inChain, total
RETURN c AS chain, parks,
       collect({node: x, inChain: inChain, total: total,
                upstream: CASE WHEN inChain THEN [(x)<-[:FEEDS]-(u:ChainNode) | u.id] ELSE [] END,
                downstream: CASE WHEN inChain THEN [(x)-[:FEEDS]->(d:ChainNode) | d.id] ELSE [] END,
                platforms: CASE WHEN inChain THEN [(x)<-[:SERVES]-(pl:Platform) | pl] ELSE [] END}) AS nodes
