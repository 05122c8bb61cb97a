// parkEnterprisesPage(ids, deep, afterName, afterId, limit): a keyset page of each park's enterprises by
// (name, id), with its sub-parks' when $deep; $limit is one more than the page, to see a next page.
// Two ways, chosen per park here: a park holding many of the graph's enterprises (its LOCATED_IN degrees
// squared above $limit times all enterprises) is read in the (name, id) index's order, each enterprise
// checked for the park, until the page is full; a small park is walked from the park and sorted. The other
// way's index bound is null, so it reads nothing (a plain filter would be planned after the index scan).
// Relies on an enterprise sitting in one park at most and on the parks forming a tree (docs/design.md).
// Park.enterprises and enterprises(parkId) in name order with no other condition run it.
CALL { MATCH (x:Enterprise) RETURN count(x) AS enterprises }
UNWIND $ids AS id
MATCH (p:Park {id: id})
CALL {
  WITH p
  MATCH (p)<-[:PART_OF*0..10]-(loc:Park)
  WHERE $deep OR loc = p
  RETURN sum(COUNT { (loc)<-[:LOCATED_IN]-() }) AS located
}
WITH id, p, located * located > $limit * enterprises AS large
CALL {
  WITH p, large
  WITH p WHERE NOT large
  MATCH (p)<-[:PART_OF*0..10]-(loc:Park)<-[:LOCATED_IN]-(e:Enterprise)
  WHERE ($deep OR loc = p)
    AND ($afterName IS NULL OR e.name > $afterName OR (e.name = $afterName AND e.id > $afterId))
  RETURN e ORDER BY e.name, e.id LIMIT $limit
  UNION ALL
  WITH p, large
  WITH p, CASE WHEN large THEN coalesce($afterName, '') END AS fromName
  MATCH (e:Enterprise)
  USING INDEX e:Enterprise(name, id)
  WHERE e.name >= fromName AND e.id IS NOT NULL
    AND ($afterName IS NULL OR e.name > $afterName OR e.id > $afterId)
    AND EXISTS { (e)-[:LOCATED_IN]->(loc:Park)-[:PART_OF*0..10]->(p) WHERE $deep OR loc = p }
  RETURN e ORDER BY e.name, e.id LIMIT $limit
}
RETURN id AS key, e
