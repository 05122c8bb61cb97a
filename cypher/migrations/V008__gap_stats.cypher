// Gap statistics kept on write (docs/design.md, "Gap statistics"): one :GapStats node per park (park ""
// for the whole graph) and one :GapStatsMeta node that every transaction changing them locks first.
CREATE CONSTRAINT gap_stats_park IF NOT EXISTS FOR (s:GapStats) REQUIRE s.park IS UNIQUE;
CREATE CONSTRAINT gap_stats_meta_key IF NOT EXISTS FOR (m:GapStatsMeta) REQUIRE m.key IS UNIQUE;
