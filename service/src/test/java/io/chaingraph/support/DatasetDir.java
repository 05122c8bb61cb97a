package io.chaingraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid dataset written to a folder, with methods to replace or break single files.
 * The graph it describes is worked out in {@link #VALID} so tests can state expectations.
 */
public final class DatasetDir {

	/** A valid dataset covering every file of format v1. */
	public static final Map<String, String> VALID = valid();

	private final Path dir;

	private final Map<String, String> files = new LinkedHashMap<>(VALID);

	public DatasetDir(Path dir) {
		this.dir = dir;
	}

	/** Back to the valid dataset. */
	public DatasetDir reset() {
		this.files.clear();
		this.files.putAll(VALID);
		return this;
	}

	public DatasetDir with(String file, String content) {
		this.files.put(file, content);
		return this;
	}

	public DatasetDir without(String file) {
		this.files.remove(file);
		return this;
	}

	/** Appends CSV lines to a file of the dataset. */
	public DatasetDir append(String file, String lines) {
		this.files.put(file, this.files.get(file) + lines);
		return this;
	}

	public Path write() {
		try {
			Files.createDirectories(this.dir);
			try (var old = Files.list(this.dir)) {
				for (Path p : old.toList()) {
					Files.delete(p);
				}
			}
			for (Map.Entry<String, String> file : this.files.entrySet()) {
				Files.writeString(this.dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			}
			return this.dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path writeBytes(String file, byte[] bytes) {
		write();
		try {
			Files.write(this.dir.resolve(file), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.dir;
	}

	private static Map<String, String> valid() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("parks.csv", """
				id,name,aliases,kind,region,parentId,description
				t-park,中國基因藥(yào)谷,基因药谷|Gene Valley,VALLEY,温州,,
				t-sub,海派生命健康科创园,,PARK,温州,t-park,
				t-other,杭州示例园,,PARK,杭州,,
				""");
		files.put("chains.csv", """
				id,name,aliases,description
				t-chain,基因药物,生命健康,
				""");
		files.put("chain_nodes.csv", """
				id,chainId,name,aliases,stage,parentId,description
				t-n1,t-chain,基因测序,,UPSTREAM,,
				t-n2,t-chain,药品生产,,MIDSTREAM,,
				t-n2a,t-chain,制剂,,MIDSTREAM,t-n2,
				t-n3,t-chain,医院终端,,DOWNSTREAM,,
				""");
		files.put("chain_links.csv", """
				fromId,toId
				t-n1,t-n2
				t-n2,t-n3
				""");
		files.put("park_chains.csv", """
				parkId,chainId,priority
				t-park,t-chain,1
				""");
		files.put("enterprises.csv", """
				id,name,creditCode,aliases,parkId,region,tags,founded,employees,revenue,description,source
				t-e1,國技互聯(lián),91330300MA2CQKXN3R,,t-park,温州,LEADING|LISTED,2010,300,5.5,,report
				t-e2,甲生物,,,t-sub,温州,,2015,50,0.5,,
				t-e3,乙制药,,,t-other,杭州,HIGH_TECH,2001,900,12,,
				t-e4,丙物流,,,,上海,,,,,,
				""");
		files.put("enterprise_nodes.csv", """
				enterpriseId,nodeId,weight,confidence,source
				t-e1,t-n2a,0.8,0.9,
				t-e2,t-n1,1,1,
				t-e3,t-n2,0.5,0.7,
				t-e4,t-n3,,,
				""");
		files.put("supplies.csv", """
				supplierId,customerId,product,since,source
				t-e2,t-e1,测序服务,2020,
				t-e3,t-e1,原料药,2019,
				""");
		files.put("platforms.csv", """
				id,name,kind,level,aliases,parkId,description,source
				t-p1,基因药谷研发平台,RESEARCH,NATIONAL,,t-park,,
				t-p2,示例产业基金,FUND,MUNICIPAL,,,,
				""");
		files.put("platform_links.csv", """
				platformId,targetId,kind,since,source
				t-p1,t-n1,SERVES,2021,
				t-p1,t-e1,TRANSFERS_TECH_TO,2022,
				t-p1,t-e2,INCUBATES,2020,
				t-p2,t-e2,INVESTS_IN,2023,
				""");
		return files;
	}

}
