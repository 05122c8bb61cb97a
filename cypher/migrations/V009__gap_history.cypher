// Gap history (docs/design.md, "Gap history"): snapshots of a park's report on one chain, found by park,
// chain and time, the latest per park and chain, each park's enterprises; watches and their alerts.
CREATE CONSTRAINT gap_snapshot_id IF NOT EXISTS FOR (s:GapSnapshot) REQUIRE s.id IS UNIQUE;
CREATE INDEX gap_snapshot_park_chain_at IF NOT EXISTS FOR (s:GapSnapshot) ON (s.park, s.chain, s.at);
CREATE INDEX gap_snapshot_park_at IF NOT EXISTS FOR (s:GapSnapshot) ON (s.park, s.at);
CREATE INDEX latest_gap_snapshot_park IF NOT EXISTS FOR (s:LatestGapSnapshot) ON (s.park);
CREATE CONSTRAINT park_members_park IF NOT EXISTS FOR (m:ParkMembers) REQUIRE m.park IS UNIQUE;
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE INDEX watch_park IF NOT EXISTS FOR (w:Watch) ON (w.park);
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE;
CREATE INDEX alert_at IF NOT EXISTS FOR (a:Alert) ON (a.at);
