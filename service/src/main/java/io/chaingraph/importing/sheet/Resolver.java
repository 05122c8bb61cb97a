package io.chaingraph.importing.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.chaingraph.dataset.EntityRecords;
import io.chaingraph.dataset.NameNormalizer;
import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetReader;
import io.chaingraph.importing.read.DatasetReader.FileInfo;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.importing.sheet.SheetLookups.Candidate;
import io.chaingraph.importing.sheet.SheetLookups.Named;

/**
 * Gives a sheet's rows their ids: an enterprise by its credit code in the graph, else by its listing
 * (stock) code, else by its exact normalised name or alias, else a new stable id ({@code ent-<creditCode>}, or {@code ent-} and a
 * hash of the normalised name); a park or segment cell by id, else by normalised name or alias
 * among the dataset's and the graph's. Several matches are an error that lists them, never a guess.
 */
final class Resolver {

	/** A row waiting for its enterprise id. */
	static final class Pending {

		final String givenId;

		final String name;

		final String creditCode;

		final String stockCode;

		String id;

		String problem;

		Pending(String givenId, String name, String creditCode, String stockCode) {
			this.givenId = givenId;
			this.name = name;
			this.creditCode = creditCode;
			this.stockCode = (stockCode != null) ? stockCode.strip() : "";
		}

	}

	/** A park or segment cell's id, or the problem with it. */
	record Resolution(String id, String problem) {
	}

	private final DatasetSource source;

	private final SheetLookups lookups;

	private Names parks;

	private Names segments;

	Resolver(DatasetSource source, SheetLookups lookups) {
		this.source = source;
		this.lookups = lookups;
	}

	/** The stable id of a new enterprise. */
	static String newId(String creditCode, String name) {
		if (creditCode != null && !creditCode.isEmpty()) {
			return "ent-" + creditCode;
		}
		String normName = NameNormalizer.normalize(name);
		if (normName.isEmpty()) {
			return "";
		}
		return "ent-" + EntityRecords.sha256(normName.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
	}

	/** Gives each row its enterprise id (one statement per kind of lookup for the whole chunk). */
	void enterprises(List<Pending> rows) {
		Set<String> codes = new HashSet<>();
		for (Pending row : rows) {
			if (!row.givenId.isEmpty()) {
				row.id = row.givenId;
			}
			else if (!row.creditCode.isEmpty()) {
				codes.add(row.creditCode);
			}
		}
		Map<String, List<Candidate>> byCode = this.lookups.enterprisesByCreditCode(codes);
		Set<String> stockCodes = new HashSet<>();
		for (Pending row : rows) {
			if (row.id != null) {
				continue;
			}
			List<Candidate> found = byCode.getOrDefault(row.creditCode, List.of());
			if (found.size() == 1) {
				row.id = found.get(0).id();
			}
			else if (found.size() > 1) {
				row.problem = ambiguous(found, "credit code " + row.creditCode);
				row.id = newId(row.creditCode, row.name);
			}
			else if (!row.stockCode.isEmpty()) {
				stockCodes.add(row.stockCode);
			}
		}
		Map<String, List<Candidate>> byStockCode = this.lookups.enterprisesByStockCode(stockCodes);
		Set<String> names = new HashSet<>();
		for (Pending row : rows) {
			if (row.id != null) {
				continue;
			}
			List<Candidate> found = new ArrayList<>();
			for (Candidate candidate : byStockCode.getOrDefault(row.stockCode, List.of())) {
				// a listing code with another credit code is another company (codes get reused after delisting)
				if (row.creditCode.isEmpty() || candidate.creditCode() == null
						|| candidate.creditCode().equals(row.creditCode)) {
					found.add(candidate);
				}
			}
			if (found.size() == 1) {
				row.id = found.get(0).id();
			}
			else if (found.size() > 1) {
				row.problem = ambiguous(found, "listing code " + row.stockCode);
				row.id = newId(row.creditCode, row.name);
			}
			else if (!NameNormalizer.normalize(row.name).isEmpty()) {
				names.add(NameNormalizer.normalize(row.name));
			}
		}
		Map<String, List<Candidate>> byName = this.lookups.enterprisesByName(names);
		for (Pending row : rows) {
			if (row.id != null) {
				continue;
			}
			List<Candidate> found = new ArrayList<>();
			for (Candidate candidate : byName.getOrDefault(NameNormalizer.normalize(row.name), List.of())) {
				// an enterprise with another credit code is another company of the same name
				if (row.creditCode.isEmpty() || candidate.creditCode() == null
						|| candidate.creditCode().equals(row.creditCode)) {
					found.add(candidate);
				}
			}
			if (found.size() == 1) {
				row.id = found.get(0).id();
			}
			else {
				if (found.size() > 1) {
					row.problem = ambiguous(found, "name '" + row.name + "'");
				}
				row.id = newId(row.creditCode, row.name);
			}
		}
	}

	private static String ambiguous(List<Candidate> found, String what) {
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < Math.min(found.size(), SheetLookups.MAX_CANDIDATES); i++) {
			listed.add(found.get(i).describe());
		}
		String more = (found.size() > SheetLookups.MAX_CANDIDATES) ? ", …" : "";
		return "ambiguous: " + (found.size() > SheetLookups.MAX_CANDIDATES ? "more than " + SheetLookups.MAX_CANDIDATES
				: found.size()) + " enterprises in the graph match " + what + ": " + String.join(", ", listed) + more
				+ "; 匹配到多家企业, give the credit code or an id column (企业编号) to say which";
	}

	Resolution park(String cell) {
		if (this.parks == null) {
			this.parks = load("parks", "Park");
		}
		return this.parks.resolve(cell, "park");
	}

	Resolution segment(String cell) {
		if (this.segments == null) {
			this.segments = load("chain_nodes", "ChainNode");
		}
		return this.segments.resolve(cell, "chain segment");
	}

	/** The parks or segments of the dataset's file and of the graph, by id and by normalised name and alias. */
	private Names load(String base, String label) {
		Names names = new Names();
		Map<String, DatasetSource.Content> files = new LinkedHashMap<>();
		this.source.files().forEach((file, content) -> {
			if (file.equals(base + ".csv") || file.equals(base + ".jsonl")) {
				files.put(file, content);
			}
		});
		if (!files.isEmpty()) {
			DatasetSource own = new DatasetSource(this.source.name(), this.source.location(), files);
			DatasetReader.Result read = DatasetReader.check(own);
			FileInfo file = read.files().get(base);
			if (file != null) {
				int id = file.index("id");
				int name = file.index("name");
				int aliases = file.index("aliases");
				Consumer<DatasetReader.RawRow> add = row -> names.add(new Named(row.values()[id], row.values()[name],
						(aliases < 0) ? List.of() : List.of(row.values()[aliases].split("\\|"))));
				DatasetReader.rows(own, file, add);
			}
		}
		this.lookups.all(label).forEach(names::add);
		return names;
	}

	/** Ids and normalised names (with aliases) → ids. */
	private static final class Names {

		private final Map<String, String> nameOf = new HashMap<>();

		private final Map<String, Set<String>> byForm = new HashMap<>();

		void add(Named named) {
			String id = named.id().strip();
			if (id.isEmpty()) {
				return;
			}
			this.nameOf.putIfAbsent(id, named.name());
			for (String form : NameNormalizer.normalizeAll(named.name(), named.aliases())) {
				if (!form.isEmpty()) {
					this.byForm.computeIfAbsent(form, f -> new LinkedHashSet<>()).add(id);
				}
			}
		}

		Resolution resolve(String cell, String what) {
			String text = cell.strip();
			if (this.nameOf.containsKey(text)) {
				return new Resolution(text, null);
			}
			Set<String> ids = this.byForm.getOrDefault(NameNormalizer.normalize(text), Set.of());
			if (ids.size() == 1) {
				return new Resolution(ids.iterator().next(), null);
			}
			if (ids.isEmpty()) {
				return new Resolution(null, "unknown " + what + " '" + text + "' (no " + what
						+ " with this id or name in the dataset or the graph)");
			}
			List<String> listed = ids.stream().map(id -> id + " (" + this.nameOf.get(id) + ")").toList();
			return new Resolution(null, "ambiguous " + what + " '" + text + "': " + String.join(", ", listed)
					+ "; write the id instead of the name");
		}

	}

	static Problem problem(String file, int row, String column, String message) {
		return Problem.error(file, row, column, message);
	}

}
