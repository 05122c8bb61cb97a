package io.chaingraph.gap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a candidate is ranked where it is: a code a program can act on, the words a planner reads (Chinese)
 * and the same in English, and the points it adds to the score when it adds a fixed number.
 */
public record Reason(Code code, String label, String labelEn, Double points) {

	/** The kinds of reason (see docs/design.md, "Fill candidates"). */
	public enum Code {
		LEADING, LISTED, UNICORN, SPECIALIZED, HIGH_TECH, SIZE, WORKS_IN, SUPPLIES_LOCAL, BUYS_FROM_LOCAL, LOCATED_IN,
		NOT_IN_A_PARK
	}

	/** Chinese first, English beside it: what {@code Candidate.reasons} lists. */
	public String text() {
		return this.label + " · " + this.labelEn;
	}

	/** The reason a tag gives, or null for a tag that does not score. */
	static Reason tag(String tag) {
		return switch (tag) {
			case "LEADING" -> new Reason(Code.LEADING, "龙头企业（+3）", "Leading enterprise (LEADING, +3)", 3.0);
			case "LISTED" -> new Reason(Code.LISTED, "上市公司（+2）", "Listed company (LISTED, +2)", 2.0);
			case "UNICORN" -> new Reason(Code.UNICORN, "独角兽企业（+2）", "Unicorn (UNICORN, +2)", 2.0);
			case "SPECIALIZED" -> new Reason(Code.SPECIALIZED, "专精特新“小巨人”（+1）",
					"Specialised 'little giant' (SPECIALIZED, +1)", 1.0);
			case "HIGH_TECH" -> new Reason(Code.HIGH_TECH, "高新技术企业（+1）", "High-tech enterprise (HIGH_TECH, +1)", 1.0);
			default -> null;
		};
	}

	static Reason size(Integer employees, Double revenue) {
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		if (employees != null) {
			zh.add(String.format(Locale.ROOT, "员工 %,d 人", employees));
			en.add(String.format(Locale.ROOT, "%,d employees", employees));
		}
		if (revenue != null) {
			zh.add(String.format(Locale.ROOT, "营收 %.1f 亿元", revenue));
			en.add(String.format(Locale.ROOT, "revenue %.1f 亿元", revenue));
		}
		return new Reason(Code.SIZE, "规模：" + String.join("，", zh), "Size: " + String.join(", ", en), null);
	}

	static Reason worksIn(List<String> segments, double confidence) {
		return new Reason(Code.WORKS_IN,
				String.format(Locale.ROOT, "挂链：%s（关联置信度 %.2f）", String.join("、", segments), confidence),
				String.format(Locale.ROOT, "Works in %s (link confidence %.2f)", String.join(", ", segments), confidence),
				null);
	}

	/**
	 * A supply tie with an enterprise in the park.
	 * @param supplies whether the candidate supplies it (else buys from it)
	 */
	static Reason tie(boolean supplies, String other, String product, Long since) {
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		if (product != null) {
			zh.add(product);
			en.add(product);
		}
		if (since != null) {
			zh.add(since + " 年起");
			en.add("since " + since);
		}
		String zhDetail = zh.isEmpty() ? "" : "（" + String.join("，", zh) + "）";
		String enDetail = en.isEmpty() ? "" : " (" + String.join(", ", en) + ")";
		return supplies
				? new Reason(Code.SUPPLIES_LOCAL, "已向园区内的" + other + "供货" + zhDetail,
						"Already supplies " + other + " in the park" + enDetail, null)
				: new Reason(Code.BUYS_FROM_LOCAL, "已从园区内的" + other + "采购" + zhDetail,
						"Already buys from " + other + " in the park" + enDetail, null);
	}

	static Reason location(String parkName) {
		return (parkName != null) ? new Reason(Code.LOCATED_IN, "位于" + parkName, "Located in " + parkName, null)
				: new Reason(Code.NOT_IN_A_PARK, "不在图中任何园区", "Not located in any park of the graph", null);
	}

}
