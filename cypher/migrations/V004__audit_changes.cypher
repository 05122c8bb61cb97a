// The audit trail: one :Change node per mutation or import run, found by entity (either end of a
// relationship change) and by time.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.targetId);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
