package io.chaingraph.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.chaingraph.dataset.CreditCode;
import io.chaingraph.dataset.DatasetFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator's files: deterministic, in format v1, and shaped as documented (worked out from the rows). */
class DatasetGeneratorTest {

	static final int ENTERPRISES = 5_000;

	static final GeneratorOptions OPTIONS = new GeneratorOptions(ENTERPRISES, 20, 3, 42);

	@TempDir
	static Path work;

	static Path dir;

	static DatasetGenerator.Summary summary;

	@BeforeAll
	static void generate() {
		dir = work.resolve("a");
		summary = DatasetGenerator.generate(dir, OPTIONS);
	}

	static List<CSVRecord> read(String file) throws IOException {
		try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

	@Test
	void sameSeedGivesTheSameBytesAndAnotherSeedOtherFiles() throws IOException {
		Path again = work.resolve("again");
		Path other = work.resolve("other");
		DatasetGenerator.generate(again, OPTIONS);
		DatasetGenerator.generate(other, OPTIONS.withSeed(7));
		int differing = 0;
		for (String file : DatasetGenerator.FILES) {
			byte[] first = Files.readAllBytes(dir.resolve(file));
			assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(first);
			if (!java.util.Arrays.equals(first, Files.readAllBytes(other.resolve(file)))) {
				differing++;
			}
		}
		// chains.csv may coincide for two seeds; the data files must not
		assertThat(differing).isGreaterThanOrEqualTo(DatasetGenerator.FILES.size() - 1);
		assertThat(Files.readAllBytes(other.resolve("enterprises.csv")))
			.isNotEqualTo(Files.readAllBytes(dir.resolve("enterprises.csv")));
	}

	@Test
	void writesEveryFileOfFormatV1WithItsColumnsAndTheSummaryCounts() throws IOException {
		for (DatasetFormat.FileSpec spec : DatasetFormat.FILES) {
			String file = spec.baseName() + ".csv";
			String header = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).get(0);
			// the format's columns in its order; the optional columns added last (stock code, registered capital,
			// … of enterprise sheets) are left out, which the format allows: a missing column keeps stored values
			List<String> written = List.of(header.split(","));
			assertThat(spec.columns().stream().map(c -> c.name()).toList()).as(file).startsWith(written.toArray(String[]::new));
			assertThat(written).as(file).containsAll(spec.columns().stream().filter(c -> c.required()).map(c -> c.name()).toList());
			assertThat(read(file)).as(file).hasSize((int) summary.rows(file));
		}
		assertThat(summary.rows("enterprises.csv")).isEqualTo(ENTERPRISES);
		assertThat(summary.rows("parks.csv")).isGreaterThan(20);
		assertThat(summary.rows("chains.csv")).isEqualTo(3);
		assertThat(GeneratorOptions.of(ENTERPRISES).withDefaults()).isEqualTo(new GeneratorOptions(ENTERPRISES, 3, 2, 42));
		assertThat(GeneratorOptions.of(100_000).withDefaults()).isEqualTo(new GeneratorOptions(100_000, 50, 7, 42));
	}

	@Test
	void refusesAFolderWithOtherDatasetFilesAndBadSizes() throws IOException {
		Path busy = Files.createDirectories(work.resolve("busy"));
		Files.writeString(busy.resolve("mine.csv"), "a,b\n");
		assertThatThrownBy(() -> DatasetGenerator.generate(busy, GeneratorOptions.of(100)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mine.csv");
		assertThatThrownBy(() -> GeneratorOptions.of(5)).hasMessageContaining("--enterprises must be at least 10");
		assertThatThrownBy(() -> new GeneratorOptions(100, -1, 0, 1)).hasMessageContaining("--parks");
	}

	@Test
	void chainsAreLayeredAcyclicGraphsWithSubSegmentsInRangeAndAllStages() throws IOException {
		GeneratorOptions o = OPTIONS;
		Map<String, Integer> perChain = new HashMap<>();
		Map<String, Set<String>> stages = new HashMap<>();
		Map<String, String> chainOf = new HashMap<>();
		Map<String, String> stageOf = new HashMap<>();
		int subSegments = 0;
		for (CSVRecord row : read("chain_nodes.csv")) {
			perChain.merge(row.get("chainId"), 1, Integer::sum);
			stages.computeIfAbsent(row.get("chainId"), k -> new HashSet<>()).add(row.get("stage"));
			chainOf.put(row.get("id"), row.get("chainId"));
			stageOf.put(row.get("id"), row.get("stage"));
			if (!row.get("parentId").isEmpty()) {
				subSegments++;
				assertThat(chainOf.get(row.get("parentId"))).as("parent listed first, same chain")
					.isEqualTo(row.get("chainId"));
			}
		}
		assertThat(perChain).hasSize(o.chains());
		assertThat(perChain.values()).allSatisfy(n -> assertThat(n).isBetween(o.minChainNodes(), o.maxChainNodes()));
		assertThat(stages.values()).allSatisfy(s -> assertThat(s).containsExactlyInAnyOrder("UPSTREAM", "MIDSTREAM",
				"DOWNSTREAM"));
		assertThat(subSegments).isGreaterThan(chainOf.size() / 2);
		// FEEDS never goes against the stages and is acyclic (Kahn's algorithm consumes every node)
		Map<String, List<String>> out = new HashMap<>();
		Map<String, Integer> in = new HashMap<>();
		chainOf.keySet().forEach(id -> in.put(id, 0));
		List<String> order = List.of("UPSTREAM", "MIDSTREAM", "DOWNSTREAM");
		for (CSVRecord row : read("chain_links.csv")) {
			String from = row.get("fromId");
			String to = row.get("toId");
			assertThat(from).isNotEqualTo(to);
			if (chainOf.get(from).equals(chainOf.get(to))) {
				assertThat(order.indexOf(stageOf.get(from))).isLessThanOrEqualTo(order.indexOf(stageOf.get(to)));
			}
			out.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
			in.merge(to, 1, Integer::sum);
		}
		List<String> ready = new ArrayList<>(in.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList());
		int consumed = 0;
		while (!ready.isEmpty()) {
			String node = ready.remove(ready.size() - 1);
			consumed++;
			for (String next : out.getOrDefault(node, List.of())) {
				if (in.merge(next, -1, Integer::sum) == 0) {
					ready.add(next);
				}
			}
		}
		assertThat(consumed).isEqualTo(chainOf.size());
	}

	@Test
	void parksHaveZipfSizesSubParksAndFocusChains() throws IOException {
		Map<String, String> parentOf = new HashMap<>();
		for (CSVRecord row : read("parks.csv")) {
			parentOf.put(row.get("id"), row.get("parentId"));
		}
		assertThat(parentOf.values().stream().filter(p -> !p.isEmpty())).isNotEmpty();
		Map<String, Integer> size = new HashMap<>();
		for (CSVRecord row : read("enterprises.csv")) {
			String park = row.get("parkId");
			while (!park.isEmpty() && !parentOf.get(park).isEmpty()) {
				park = parentOf.get(park);
			}
			if (!park.isEmpty()) {
				size.merge(park, 1, Integer::sum);
			}
		}
		List<Integer> sizes = size.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
		// Zipf with s = 1: the largest park about twice the second and several times the median
		assertThat(sizes.get(0)).isGreaterThan((int) (1.5 * sizes.get(1)));
		assertThat(sizes.get(0)).isGreaterThan(3 * sizes.get(sizes.size() / 2));
		Set<String> focused = new HashSet<>();
		read("park_chains.csv").forEach(r -> focused.add(r.get("parkId")));
		assertThat(focused).containsAll(parentOf.entrySet().stream().filter(e -> e.getValue().isEmpty())
			.map(Map.Entry::getKey).toList());
	}

	@Test
	void enterprisesHaveOneToThreeSegmentsSyntheticNamesSomeTraditionalAndValidCreditCodes() throws IOException {
		Map<String, Integer> links = new HashMap<>();
		for (CSVRecord row : read("enterprise_nodes.csv")) {
			links.merge(row.get("enterpriseId"), 1, Integer::sum);
			assertThat(Double.parseDouble(row.get("weight"))).isBetween(0.0, 1.0);
			assertThat(Double.parseDouble(row.get("confidence"))).isBetween(0.0, 1.0);
		}
		List<CSVRecord> enterprises = read("enterprises.csv");
		assertThat(links).hasSize(enterprises.size());
		assertThat(links.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3)).contains(1, 2, 3);
		int traditional = 0;
		int codes = 0;
		Set<String> names = new HashSet<>();
		for (CSVRecord row : enterprises) {
			String name = row.get("name");
			assertThat(name).containsAnyOf("模拟", "模擬");
			assertThat(names.add(name)).as("unique name " + name).isTrue();
			if (!name.equals(ZhConverterUtil.toSimple(name))) {
				traditional++;
			}
			if (!row.get("creditCode").isEmpty()) {
				codes++;
				assertThat(CreditCode.problem(row.get("creditCode"))).as(row.get("creditCode")).isNull();
			}
		}
		assertThat(traditional).isBetween(ENTERPRISES / 100, ENTERPRISES / 20);
		assertThat(codes).isBetween(ENTERPRISES / 2, ENTERPRISES * 9 / 10);
	}

	@Test
	void suppliesFollowFeedsMostlyWithAHeavyTailedDegree() throws IOException {
		Set<String> feeds = new HashSet<>();
		read("chain_links.csv").forEach(r -> feeds.add(r.get("fromId") + ">" + r.get("toId")));
		// a segment counts with its PART_OF ancestors (presence rolls up, docs/design.md "Graph model")
		Map<String, String> parentOf = new HashMap<>();
		read("chain_nodes.csv").forEach(r -> parentOf.put(r.get("id"), r.get("parentId")));
		Map<String, List<String>> nodesOf = new HashMap<>();
		read("enterprise_nodes.csv")
			.forEach(r -> {
				List<String> nodes = nodesOf.computeIfAbsent(r.get("enterpriseId"), k -> new ArrayList<>());
				for (String n = r.get("nodeId"); !n.isEmpty(); n = parentOf.get(n)) {
					nodes.add(n);
				}
			});
		List<CSVRecord> supplies = read("supplies.csv");
		assertThat(supplies.size()).isGreaterThan(ENTERPRISES);
		int alongFeeds = 0;
		Map<String, Integer> outDegree = new HashMap<>();
		Set<String> pairs = new HashSet<>();
		for (CSVRecord row : supplies) {
			String supplier = row.get("supplierId");
			String customer = row.get("customerId");
			assertThat(supplier).isNotEqualTo(customer);
			assertThat(pairs.add(supplier + ">" + customer)).isTrue();
			outDegree.merge(supplier, 1, Integer::sum);
			boolean upstream = nodesOf.get(supplier).stream()
				.anyMatch(a -> nodesOf.get(customer).stream().anyMatch(b -> feeds.contains(a + ">" + b)));
			if (upstream) {
				alongFeeds++;
			}
		}
		assertThat(alongFeeds).isGreaterThan(supplies.size() * 7 / 10);
		double mean = supplies.size() / (double) outDegree.size();
		int max = outDegree.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		assertThat(max).isGreaterThan((int) (10 * mean));
	}

	@Test
	void platformsCoverEveryKindAndEveryLinkKind() throws IOException {
		Set<String> kinds = new HashSet<>();
		read("platforms.csv").forEach(r -> kinds.add(r.get("kind")));
		assertThat(kinds).containsExactlyInAnyOrder(DatasetFormat.PLATFORM_KINDS);
		Set<String> linkKinds = new HashSet<>();
		read("platform_links.csv").forEach(r -> linkKinds.add(r.get("kind")));
		assertThat(linkKinds).containsExactlyInAnyOrder(DatasetFormat.LINK_KINDS);
	}

}
