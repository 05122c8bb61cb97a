// Lookups by normalised name (import-time alias resolution), by credit code, by stage and by the
// import run that last wrote a node; name indexes back the keyset pagination (ORDER BY name, id).
CREATE INDEX park_norm_name IF NOT EXISTS FOR (n:Park) ON (n.normName);
CREATE INDEX enterprise_norm_name IF NOT EXISTS FOR (n:Enterprise) ON (n.normName);
CREATE INDEX platform_norm_name IF NOT EXISTS FOR (n:Platform) ON (n.normName);
CREATE INDEX chain_norm_name IF NOT EXISTS FOR (n:Chain) ON (n.normName);
CREATE INDEX chain_node_norm_name IF NOT EXISTS FOR (n:ChainNode) ON (n.normName);
CREATE INDEX enterprise_name_id IF NOT EXISTS FOR (n:Enterprise) ON (n.name, n.id);
CREATE INDEX enterprise_credit_code IF NOT EXISTS FOR (n:Enterprise) ON (n.creditCode);
CREATE INDEX chain_node_stage IF NOT EXISTS FOR (n:ChainNode) ON (n.stage);
CREATE INDEX entity_import_run IF NOT EXISTS FOR (n:Entity) ON (n.importRun);
CREATE INDEX import_run_started IF NOT EXISTS FOR (n:ImportRun) ON (n.started);
