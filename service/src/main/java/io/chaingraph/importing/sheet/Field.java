package io.chaingraph.importing.sheet;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field of an enterprise sheet and the column headers it is recognised by, Chinese first, then
 * English (docs/importing.md, "Enterprise sheets"). {@code column} is the column of format v1's
 * enterprises file it fills; {@link #PARK} and {@link #SEGMENT} are resolved from ids or names,
 * {@link #SEGMENT} giving enterprise_nodes rows.
 */
enum Field {

	ID("id", "企业编号", "企业id", "编号", "id"),
	NAME("name", "企业名称", "公司名称", "单位名称", "名称", "企业", "name", "company", "company name", "enterprise"),
	CREDIT_CODE("creditCode", "统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "credit code", "uscc"),
	STOCK_CODE("stockCode", "股票代码", "证券代码", "上市代码", "stockcode", "stock code", "ticker"),
	ALIASES("aliases", "曾用名", "别名", "简称", "aliases", "alias", "former names"),
	PARK("parkId", "所属园区", "园区", "park", "parkid"),
	SEGMENT("nodeId", "所属环节", "产业链环节", "环节", "产业环节", "segment", "chain segment", "nodeid"),
	FOUNDED("founded", "成立日期", "成立年份", "成立时间", "成立年度", "founded", "founded year", "established"),
	REGISTERED_CAPITAL("registeredCapital", "注册资本", "registered capital", "registeredcapital"),
	LEGAL_REPRESENTATIVE("legalRepresentative", "法定代表人", "法人代表", "法人", "legal representative",
			"legalrepresentative"),
	INDUSTRY("industry", "所属行业", "行业", "industry"),
	ADDRESS("address", "注册地址", "地址", "企业地址", "address", "registered address"),
	BUSINESS_SCOPE("businessScope", "经营范围", "business scope", "businessscope"),
	REGION("region", "所在地区", "地区", "区域", "所在地", "region"),
	TAGS("tags", "企业标签", "标签", "tags"),
	EMPLOYEES("employees", "员工人数", "从业人数", "人数", "employees"),
	REVENUE("revenue", "营业收入(亿元)", "营业收入", "营收", "revenue"),
	DESCRIPTION("description", "简介", "企业简介", "描述", "description"),
	SOURCE("source", "来源", "数据来源", "source");

	private static final Pattern IGNORED = Pattern.compile("[\\s*＊:：]");

	final String column;

	final List<String> headers;

	Field(String column, String... headers) {
		this.column = column;
		this.headers = List.of(headers);
	}

	/** The header shown first in the template and the docs (Chinese). */
	String header() {
		return this.headers.get(0);
	}

	/** The field a column header stands for: its synonyms, or a format v1 column name, case and spaces aside. */
	static Optional<Field> of(String header) {
		String key = key(header);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		for (Field field : values()) {
			if (key(field.column).equals(key) || key(field.name()).equals(key)) {
				return Optional.of(field);
			}
			for (String synonym : field.headers) {
				if (key(synonym).equals(key)) {
					return Optional.of(field);
				}
			}
		}
		// 注册资本(万元), 成立日期（年）: the unit in brackets does not change the field
		String bare = key.replaceAll("[(（\\[【].*$", "");
		if (bare.equals(key) || bare.isEmpty()) {
			return Optional.empty();
		}
		Optional<Field> field = of(bare);
		// revenue is in 亿元: 营业收入(万元) is not it
		return field.filter(f -> f != REVENUE);
	}

	/** A field named in mapping.yml: its format v1 column, its enum name or one of its headers. */
	static Optional<Field> named(String name) {
		return of(name);
	}

	/** Full-width to half-width, lower case, no spaces, asterisks or colons. */
	static String key(String header) {
		if (header == null) {
			return "";
		}
		String text = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return IGNORED.matcher(text).replaceAll("").replace("_", "");
	}

}
