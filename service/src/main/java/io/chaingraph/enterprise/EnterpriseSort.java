package io.chaingraph.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chaingraph.common.Cursors;

/**
 * An order of the {@code enterprises} list and its keyset: the sort keys, each an expression over
 * {@code e} with its direction, the last one the id. The expressions come from this class only (never from
 * the request); the cursor's values go in as parameters. Numeric orders put an enterprise without the value
 * last in either direction (a stand-in value beyond every real one) and break ties by pinyin name, then id.
 * Each order is a list of its own for cursors: {@code enterprises} for the default (name, code point,
 * ascending: the cursors it always had), {@code enterprises by FIELD DIRECTION} otherwise.
 */
record EnterpriseSort(String list, List<Key> keys) {

	/** Beyond every employee count, revenue and year: where enterprises without the value sort. */
	private static final double MISSING = 1.0e300;

	enum Field {
		NAME, PINYIN, EMPLOYEES, REVENUE, FOUNDED
	}

	enum Direction {
		ASC, DESC
	}

	/** The {@code orderBy} argument. */
	record Order(Field field, Direction direction) {
	}

	/**
	 * One sort key: its name in the cursor, its expression, descending or not, numeric or not.
	 */
	record Key(String name, String expression, boolean descending, boolean numeric) {
	}

	static EnterpriseSort of(Order order) {
		Field field = (order != null && order.field() != null) ? order.field() : Field.NAME;
		boolean desc = order != null && order.direction() == Direction.DESC;
		String list = (field == Field.NAME && !desc) ? "enterprises"
				: "enterprises by " + field + " " + (desc ? "DESC" : "ASC");
		List<Key> keys = new ArrayList<>();
		switch (field) {
			case NAME -> {
				keys.add(new Key("name", "e.name", desc, false));
				keys.add(new Key("id", "e.id", desc, false));
			}
			case PINYIN -> {
				keys.add(new Key("nameKey", "e.nameKey", desc, false));
				keys.add(new Key("id", "e.id", desc, false));
			}
			default -> {
				String property = field.name().toLowerCase(java.util.Locale.ROOT);
				keys.add(new Key(property, "coalesce(e." + property + ", " + (desc ? "-" : "") + "$missing)", desc, true));
				keys.add(new Key("nameKey", "e.nameKey", false, false));
				keys.add(new Key("id", "e.id", false, false));
			}
		}
		return new EnterpriseSort(list, List.copyOf(keys));
	}

	/**
	 * Whether this is the order of the {@code (name, id)} index, either way (names are required, so the
	 * index holds every enterprise).
	 */
	boolean inNameOrder() {
		return this.keys.size() == 2 && this.keys.get(0).expression().equals("e.name")
				&& this.keys.get(1).expression().equals("e.id")
				&& this.keys.get(0).descending() == this.keys.get(1).descending();
	}

	/** Whether the first key sorts descending. */
	boolean descending() {
		return this.keys.get(0).descending();
	}

	/** {@code ORDER BY} of the keys. */
	String orderBy() {
		return String.join(", ", this.keys.stream().map(k -> k.expression() + (k.descending() ? " DESC" : "")).toList());
	}

	/** The keys' values, as a list expression returned with each row (for its cursor). */
	String values() {
		return "[" + String.join(", ", this.keys.stream().map(Key::expression).toList()) + "]";
	}

	/**
	 * The condition "after the cursor's row" ({@code AND ...} to append to a WHERE), or "" for the first page.
	 */
	String after(Cursors.Position after) {
		return (after == null) ? "" : "  AND " + after(0) + "\n";
	}

	private String after(int i) {
		Key key = this.keys.get(i);
		String beyond = key.expression() + (key.descending() ? " < " : " > ") + "$after" + i;
		if (i == this.keys.size() - 1) {
			return "(" + beyond + ")";
		}
		return "(" + beyond + " OR (" + key.expression() + " = $after" + i + " AND " + after(i + 1) + "))";
	}

	/** Parameters: the cursor's values ({@code after0}...) and the stand-in of a missing value. */
	Map<String, Object> parameters(Cursors.Position after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("missing", MISSING);
		if (after != null) {
			for (int i = 0; i < this.keys.size(); i++) {
				Key key = this.keys.get(i);
				parameters.put("after" + i, key.numeric() ? after.number(key.name()) : after.string(key.name()));
			}
		}
		return parameters;
	}

	/** The cursor of a row from its key values (as {@link #values()} returned them). */
	String cursor(Cursors cursors, List<Object> values) {
		Object[] pairs = new Object[this.keys.size() * 2];
		for (int i = 0; i < this.keys.size(); i++) {
			pairs[2 * i] = this.keys.get(i).name();
			pairs[2 * i + 1] = values.get(i);
		}
		return cursors.cursor(this.list, pairs);
	}

}
