package io.chaingraph.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-side reference loader: one {@code LOAD CSV … CALL (row) { … } IN TRANSACTIONS}
 * statement per file (nodes) and per relationship type, writing the same labels, keys,
 * relationships and columns as the importer. Files are read from the database's import folder
 * ({@code server.directories.import}), which the benchmark points at the dataset.
 */
final class LoadCsvReference {

	private LoadCsvReference() {
	}

	private static final String BATCH = "IN TRANSACTIONS OF " + ImportPart.REFERENCE_BATCH + " ROWS";

	private static final String LIST = "CASE WHEN row.%1$s IS NULL THEN [] ELSE split(row.%1$s, '|') END";

	private static String list(String column) {
		return LIST.formatted(column);
	}

	/** Node statements, in load order. */
	static final Map<String, String> NODES = new LinkedHashMap<>();

	/** Relationship statements, in load order. */
	static final Map<String, String> RELATIONSHIPS = new LinkedHashMap<>();

	static {
		NODES.put("parks", """
				LOAD CSV WITH HEADERS FROM 'file:///parks.csv' AS row
				CALL (row) {
				  MERGE (n:Park {id: row.id})
				  SET n:Entity, n.name = row.name, n.aliases = %s, n.kind = row.kind, n.region = row.region,
				      n.description = row.description, n.source = 'parks'
				} %s""".formatted(list("aliases"), BATCH));
		NODES.put("chains", """
				LOAD CSV WITH HEADERS FROM 'file:///chains.csv' AS row
				CALL (row) {
				  MERGE (n:Chain {id: row.id})
				  SET n:Entity, n.name = row.name, n.aliases = %s, n.description = row.description, n.source = 'chains'
				} %s""".formatted(list("aliases"), BATCH));
		NODES.put("chain_nodes", """
				LOAD CSV WITH HEADERS FROM 'file:///chain_nodes.csv' AS row
				CALL (row) {
				  MERGE (n:ChainNode {id: row.id})
				  SET n:Entity, n.name = row.name, n.aliases = %s, n.stage = row.stage, n.description = row.description,
				      n.source = 'chain_nodes'
				} %s""".formatted(list("aliases"), BATCH));
		NODES.put("enterprises", """
				LOAD CSV WITH HEADERS FROM 'file:///enterprises.csv' AS row
				CALL (row) {
				  MERGE (n:Enterprise {id: row.id})
				  SET n:Entity, n.name = row.name, n.creditCode = row.creditCode, n.aliases = %s, n.region = row.region,
				      n.tags = %s, n.founded = toInteger(row.founded), n.employees = toInteger(row.employees),
				      n.revenue = toFloat(row.revenue), n.description = row.description, n.source = row.source
				} %s""".formatted(list("aliases"), list("tags"), BATCH));
		NODES.put("platforms", """
				LOAD CSV WITH HEADERS FROM 'file:///platforms.csv' AS row
				CALL (row) {
				  MERGE (n:Platform {id: row.id})
				  SET n:Entity, n.name = row.name, n.kind = row.kind, n.level = row.level, n.aliases = %s,
				      n.description = row.description, n.source = row.source
				} %s""".formatted(list("aliases"), BATCH));

		RELATIONSHIPS.put("parks PART_OF", parent("parks.csv", "Park", "parentId", "PART_OF", "Park"));
		RELATIONSHIPS.put("chain_nodes IN_CHAIN", parent("chain_nodes.csv", "ChainNode", "chainId", "IN_CHAIN", "Chain"));
		RELATIONSHIPS.put("chain_nodes PART_OF", parent("chain_nodes.csv", "ChainNode", "parentId", "PART_OF", "ChainNode"));
		RELATIONSHIPS.put("chain_links FEEDS", """
				LOAD CSV WITH HEADERS FROM 'file:///chain_links.csv' AS row
				CALL (row) {
				  MATCH (a:ChainNode {id: row.fromId}) MATCH (b:ChainNode {id: row.toId})
				  MERGE (a)-[r:FEEDS]->(b) SET r.source = 'chain_links'
				} %s""".formatted(BATCH));
		RELATIONSHIPS.put("park_chains FOCUSES_ON", """
				LOAD CSV WITH HEADERS FROM 'file:///park_chains.csv' AS row
				CALL (row) {
				  MATCH (a:Park {id: row.parkId}) MATCH (b:Chain {id: row.chainId})
				  MERGE (a)-[r:FOCUSES_ON]->(b) SET r.priority = toInteger(row.priority), r.source = 'park_chains'
				} %s""".formatted(BATCH));
		RELATIONSHIPS.put("enterprises LOCATED_IN",
				parent("enterprises.csv", "Enterprise", "parkId", "LOCATED_IN", "Park"));
		RELATIONSHIPS.put("enterprise_nodes OPERATES_IN", """
				LOAD CSV WITH HEADERS FROM 'file:///enterprise_nodes.csv' AS row
				CALL (row) {
				  MATCH (a:Enterprise {id: row.enterpriseId}) MATCH (b:ChainNode {id: row.nodeId})
				  MERGE (a)-[r:OPERATES_IN]->(b)
				  SET r.weight = toFloat(row.weight), r.confidence = toFloat(row.confidence), r.source = row.source
				} %s""".formatted(BATCH));
		RELATIONSHIPS.put("supplies SUPPLIES", """
				LOAD CSV WITH HEADERS FROM 'file:///supplies.csv' AS row
				CALL (row) {
				  MATCH (a:Enterprise {id: row.supplierId}) MATCH (b:Enterprise {id: row.customerId})
				  MERGE (a)-[r:SUPPLIES]->(b)
				  SET r.product = row.product, r.since = toInteger(row.since), r.source = row.source
				} %s""".formatted(BATCH));
		RELATIONSHIPS.put("platforms LOCATED_IN", parent("platforms.csv", "Platform", "parkId", "LOCATED_IN", "Park"));
		// relationship types cannot be parameters: one statement per platform link kind (constants)
		RELATIONSHIPS.put("platform_links SERVES", platformLink("SERVES", "ChainNode"));
		for (String kind : new String[] { "INCUBATES", "INVESTS_IN", "TRANSFERS_TECH_TO" }) {
			RELATIONSHIPS.put("platform_links " + kind, platformLink(kind, "Enterprise"));
		}
	}

	private static String parent(String file, String fromLabel, String column, String type, String toLabel) {
		return """
				LOAD CSV WITH HEADERS FROM 'file:///%1$s' AS row
				WITH row WHERE row.%3$s IS NOT NULL
				CALL (row) {
				  MATCH (a:%2$s {id: row.id}) MATCH (b:%5$s {id: row.%3$s})
				  MERGE (a)-[r:%4$s]->(b) SET r.source = '%1$s'
				} %6$s""".formatted(file, fromLabel, column, type, toLabel, BATCH);
	}

	private static String platformLink(String kind, String targetLabel) {
		return """
				LOAD CSV WITH HEADERS FROM 'file:///platform_links.csv' AS row
				WITH row WHERE row.kind = '%1$s'
				CALL (row) {
				  MATCH (a:Platform {id: row.platformId}) MATCH (b:%2$s {id: row.targetId})
				  MERGE (a)-[r:%1$s]->(b) SET r.since = toInteger(row.since), r.source = row.source
				} %3$s""".formatted(kind, targetLabel, BATCH);
	}

}
