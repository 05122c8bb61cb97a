// Every entity also carries the :Entity label, so one constraint keeps ids unique across all
// labels of the graph (DESIGN §1) and one index finds any entity by id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT park_id IF NOT EXISTS FOR (n:Park) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT platform_id IF NOT EXISTS FOR (n:Platform) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_node_id IF NOT EXISTS FOR (n:ChainNode) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
