package io.chaingraph.dataset;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Dataset format v1 (docs/design.md, "Dataset format v1"): the files, their columns, which are required and their types. */
public final class DatasetFormat {

	public enum Type {

		TEXT, LIST, INT, DECIMAL, FRACTION, ENUM

	}

	public record Column(String name, boolean required, Type type, Set<String> values) {

		static Column req(String name) {
			return new Column(name, true, Type.TEXT, Set.of());
		}

		static Column opt(String name) {
			return new Column(name, false, Type.TEXT, Set.of());
		}

		static Column opt(String name, Type type) {
			return new Column(name, false, type, Set.of());
		}

		static Column oneOf(String name, boolean required, String... values) {
			return new Column(name, required, Type.ENUM, new LinkedHashSet<>(Arrays.asList(values)));
		}

	}

	public record FileSpec(String baseName, List<Column> columns) {

		public Optional<Column> column(String name) {
			return this.columns.stream().filter(c -> c.name().equals(name)).findFirst();
		}

	}

	public static final Set<String> STAGES = Set.of("UPSTREAM", "MIDSTREAM", "DOWNSTREAM");

	public static final String[] PLATFORM_KINDS = { "RESEARCH", "COMPUTING", "INCUBATOR", "FUND", "SERVICE", "TESTING",
			"DATA" };

	public static final String[] PLATFORM_LEVELS = { "NATIONAL", "PROVINCIAL", "MUNICIPAL" };

	public static final String[] LINK_KINDS = { "SERVES", "INCUBATES", "INVESTS_IN", "TRANSFERS_TECH_TO" };

	/**
	 * The Chinese name of every enum value, accepted in a file as the value itself (上游 = UPSTREAM) and
	 * named beside it in messages.
	 */
	public static final java.util.Map<String, String> CHINESE = java.util.Map.ofEntries(
			java.util.Map.entry("UPSTREAM", "上游"), java.util.Map.entry("MIDSTREAM", "中游"),
			java.util.Map.entry("DOWNSTREAM", "下游"), java.util.Map.entry("RESEARCH", "研发"),
			java.util.Map.entry("COMPUTING", "算力"), java.util.Map.entry("INCUBATOR", "孵化器"),
			java.util.Map.entry("FUND", "基金"), java.util.Map.entry("SERVICE", "公共服务"),
			java.util.Map.entry("TESTING", "检验检测"), java.util.Map.entry("DATA", "数据"),
			java.util.Map.entry("NATIONAL", "国家级"), java.util.Map.entry("PROVINCIAL", "省级"),
			java.util.Map.entry("MUNICIPAL", "市级"), java.util.Map.entry("SERVES", "服务"),
			java.util.Map.entry("INCUBATES", "孵化"), java.util.Map.entry("INVESTS_IN", "投资"),
			java.util.Map.entry("TRANSFERS_TECH_TO", "技术转化"));

	/** In load order: nodes before the relationships that need them. */
	public static final List<FileSpec> FILES = List.of(
			new FileSpec("parks", List.of(Column.req("id"), Column.req("name"), Column.opt("aliases", Type.LIST),
					Column.opt("kind"), Column.opt("region"), Column.opt("parentId"), Column.opt("description"))),
			new FileSpec("chains",
					List.of(Column.req("id"), Column.req("name"), Column.opt("aliases", Type.LIST),
							Column.opt("description"))),
			new FileSpec("chain_nodes",
					List.of(Column.req("id"), Column.req("chainId"), Column.req("name"), Column.opt("aliases", Type.LIST),
							Column.oneOf("stage", false, "UPSTREAM", "MIDSTREAM", "DOWNSTREAM"), Column.opt("parentId"),
							Column.opt("description"))),
			new FileSpec("chain_links", List.of(Column.req("fromId"), Column.req("toId"))),
			new FileSpec("park_chains",
					List.of(Column.req("parkId"), Column.req("chainId"), Column.opt("priority", Type.INT))),
			new FileSpec("enterprises",
					List.of(Column.req("id"), Column.req("name"), Column.opt("creditCode"),
							Column.opt("aliases", Type.LIST), Column.opt("parkId"), Column.opt("region"),
							Column.opt("tags", Type.LIST), Column.opt("founded", Type.INT),
							Column.opt("employees", Type.INT), Column.opt("revenue", Type.DECIMAL),
							Column.opt("description"), Column.opt("source"), Column.opt("stockCode"),
							Column.opt("registeredCapital"), Column.opt("legalRepresentative"), Column.opt("industry"),
							Column.opt("address"), Column.opt("businessScope"))),
			new FileSpec("enterprise_nodes",
					List.of(Column.req("enterpriseId"), Column.req("nodeId"), Column.opt("weight", Type.FRACTION),
							Column.opt("confidence", Type.FRACTION), Column.opt("source"))),
			new FileSpec("supplies",
					List.of(Column.req("supplierId"), Column.req("customerId"), Column.opt("product"),
							Column.opt("since", Type.INT), Column.opt("source"))),
			new FileSpec("platforms",
					List.of(Column.req("id"), Column.req("name"), Column.oneOf("kind", false, PLATFORM_KINDS),
							Column.oneOf("level", false, PLATFORM_LEVELS), Column.opt("aliases", Type.LIST),
							Column.opt("parkId"), Column.opt("description"), Column.opt("source"))),
			new FileSpec("platform_links",
					List.of(Column.req("platformId"), Column.req("targetId"), Column.oneOf("kind", true, LINK_KINDS),
							Column.opt("since", Type.INT), Column.opt("source"))));

	private DatasetFormat() {
	}

	public static Optional<FileSpec> spec(String baseName) {
		return FILES.stream().filter(f -> f.baseName().equals(baseName)).findFirst();
	}

}
