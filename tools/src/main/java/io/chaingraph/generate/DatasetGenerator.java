package io.chaingraph.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.chaingraph.dataset.CreditCode;
import io.chaingraph.dataset.DatasetFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic dataset in format v1 (CSV): industry chains as layered DAGs of segments with
 * sub-segments, parks of Zipf-distributed sizes with sub-parks and focus chains, enterprises linked
 * to 1–3 segments, a power-law supply network that mostly follows the chains' FEEDS edges
 * (supplier in a segment upstream of the customer's), and platforms with every link kind.
 * <p>
 * Every name is marked synthetic (模拟 plus a serial number, so names are unique); about 3 % are
 * written in traditional script. 70 % of enterprises carry a valid credit code (GB 32100-2015).
 * The same options give byte-identical files. Rows are streamed to the files: memory grows with a
 * few integers per enterprise, not with the rows.
 */
public final class DatasetGenerator {

	/** The files written, in load order. */
	public static final List<String> FILES = DatasetFormat.FILES.stream().map(f -> f.baseName() + ".csv").toList();

	/** {@code source} of every generated row. */
	public static final String SOURCE = "synthetic";

	/** Share of names written in traditional script. */
	static final double TRADITIONAL_SHARE = 0.03;

	/** Share of enterprises with a credit code. */
	static final double CREDIT_CODE_SHARE = 0.7;

	/** What was written: rows per file. */
	public record Summary(Path dir, GeneratorOptions options, Map<String, Long> rows) {

		public long rows(String file) {
			return this.rows.getOrDefault(file, 0L);
		}

		/** Rows that become nodes (parks, chains, segments, enterprises, platforms). */
		public long nodeRows() {
			return rows("parks.csv") + rows("chains.csv") + rows("chain_nodes.csv") + rows("enterprises.csv")
					+ rows("platforms.csv");
		}

		/** Rows that become relationships (link files; parent, chain and park columns of entity rows not counted). */
		public long linkRows() {
			return rows("chain_links.csv") + rows("park_chains.csv") + rows("enterprise_nodes.csv") + rows("supplies.csv")
					+ rows("platform_links.csv");
		}

		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private DatasetGenerator() {
	}

	/**
	 * Writes the dataset into {@code out} (created if missing). Refuses a folder holding other
	 * dataset files than the ones it writes, which an import would otherwise pick up.
	 */
	public static Summary generate(Path out, GeneratorOptions options) {
		GeneratorOptions o = options.withDefaults();
		try {
			Files.createDirectories(out);
			try (Stream<Path> entries = Files.list(out)) {
				List<String> foreign = entries.map(p -> p.getFileName().toString())
					.filter(n -> (n.endsWith(".csv") || n.endsWith(".jsonl")) && !FILES.contains(n))
					.sorted()
					.toList();
				if (!foreign.isEmpty()) {
					throw new IllegalArgumentException(out + " already holds other dataset files " + foreign
							+ "; choose an empty folder");
				}
			}
			return new Run(out, o).write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the dataset to " + out, ex);
		}
	}

	// ------------------------------------------------------------------------------------------

	/** One generation: the in-memory skeleton (chains, parks, small int arrays) and the writers. */
	private static final class Run {

		private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

		private final Path out;

		private final GeneratorOptions o;

		private final Map<String, Long> rows = new LinkedHashMap<>();

		// chains and segments
		private final List<ChainModel> chains = new ArrayList<>();

		private final IntList nodeChain = new IntList();

		private final IntList nodeLayer = new IntList();

		private final IntList nodeParent = new IntList();

		private final List<String> nodeIds = new ArrayList<>();

		private final List<String> nodeWords = new ArrayList<>();

		private IntList[] successors;

		private IntList[] nodeEnterprises;

		// parks
		private final List<ParkModel> parks = new ArrayList<>();

		private final List<ParkModel> topParks = new ArrayList<>();

		private Zipf parkZipf;

		// enterprises: up to three segments each, founding year, top-level park
		private int[] enterpriseNodes;

		private byte[] enterpriseFounded;

		private int enterpriseIdWidth;

		private IntList[] topParkEnterprises;

		Run(Path out, GeneratorOptions o) {
			this.out = out;
			this.o = o;
		}

		Summary write() throws IOException {
			buildChains(random(1));
			buildParks(random(2));
			writeParks();
			writeChains();
			writeEnterprises(random(3));
			writeSupplies(random(4));
			writePlatforms(random(5));
			return new Summary(this.out, this.o, Map.copyOf(this.rows));
		}

		/** An independent, reproducible stream per section, so one section's changes leave the others alone. */
		private SplittableRandom random(int section) {
			return new SplittableRandom(this.o.seed() * 0x9E3779B97F4A7C15L + section * 0xBF58476D1CE4E5B9L);
		}

		// ---- chains: layered DAGs with sub-segments

		private void buildChains(SplittableRandom r) {
			int min = this.o.minChainNodes();
			int max = this.o.maxChainNodes();
			for (int c = 0; c < this.o.chains(); c++) {
				String domain = Vocabulary.DOMAINS[c % Vocabulary.DOMAINS.length];
				String id = "syn-c" + pad(c + 1, 2);
				int size = min + r.nextInt(max - min + 1);
				ChainModel chain = new ChainModel(c, id, domain, this.nodeIds.size(), size);
				this.chains.add(chain);
				buildSegments(chain, r);
			}
			this.successors = new IntList[this.nodeIds.size()];
			for (int i = 0; i < this.successors.length; i++) {
				this.successors[i] = new IntList();
			}
			Set<Long> links = new HashSet<>();
			for (ChainModel chain : this.chains) {
				buildFeeds(chain, r, links);
			}
			// A few FEEDS across chains, always from a lower to a higher chain so that FEEDS stays acyclic.
			for (int c = 1; c < this.chains.size(); c++) {
				ChainModel from = this.chains.get(c - 1);
				ChainModel to = this.chains.get(c);
				for (int k = 0; k < 2; k++) {
					int a = from.randomTop(from.layers - 1, r);
					int b = to.randomTop(0, r);
					addFeed(a, b, links);
				}
			}
			for (ChainModel chain : this.chains) {
				chain.popularity = new Zipf(chain.size, 0.9);
				chain.order = permutation(chain.size, r);
			}
		}

		private void buildSegments(ChainModel chain, SplittableRandom r) {
			int top = GeneratorOptions.clamp(chain.size / 8, 4, 150);
			chain.layers = GeneratorOptions.clamp(top / 4, 3, 12);
			chain.topByLayer = new IntList[chain.layers];
			for (int l = 0; l < chain.layers; l++) {
				chain.topByLayer[l] = new IntList();
			}
			int[] depth = new int[chain.size];
			IntList canParent = new IntList();
			for (int i = 0; i < chain.size; i++) {
				int node = chain.first + i;
				int layer;
				int parent;
				if (i < top) {
					layer = i * chain.layers / top;
					parent = -1;
					chain.topByLayer[layer].add(node);
				}
				else {
					parent = canParent.get(r.nextInt(canParent.size()));
					layer = this.nodeLayer.get(parent);
					depth[i] = depth[parent - chain.first] + 1;
				}
				if (depth[i] < 3) {
					canParent.add(node);
				}
				this.nodeChain.add(chain.index);
				this.nodeLayer.add(layer);
				this.nodeParent.add(parent);
				this.nodeIds.add(chain.id + "-n" + pad(i + 1, 4));
				String[] words = Vocabulary.SEGMENT_WORDS[stageOf(layer, chain.layers)];
				this.nodeWords.add(words[r.nextInt(words.length)]);
			}
			chain.topCount = top;
		}

		/** FEEDS between consecutive layers: top-level segments, and sub-segments of fed segments. */
		private void buildFeeds(ChainModel chain, SplittableRandom r, Set<Long> links) {
			for (int l = 0; l + 1 < chain.layers; l++) {
				for (int k = 0; k < chain.topByLayer[l].size(); k++) {
					int a = chain.topByLayer[l].get(k);
					int out = 1 + r.nextInt(3);
					for (int e = 0; e < out; e++) {
						int target = (l + 2 < chain.layers && r.nextDouble() < 0.1) ? l + 2 : l + 1;
						addFeed(a, chain.randomTop(target, r), links);
					}
				}
			}
			// every top-level segment after the first layer has an upstream segment
			for (int l = 1; l < chain.layers; l++) {
				for (int k = 0; k < chain.topByLayer[l].size(); k++) {
					int b = chain.topByLayer[l].get(k);
					if (!hasPredecessor(b, chain, links)) {
						addFeed(chain.randomTop(l - 1, r), b, links);
					}
				}
			}
			// sub-segments feed sub-segments (or the segment itself) of a segment their own top segment feeds
			int[] topOf = new int[chain.size];
			IntList[] subtree = new IntList[chain.size];
			for (int i = 0; i < chain.size; i++) {
				int node = chain.first + i;
				int parent = this.nodeParent.get(node);
				topOf[i] = (parent < 0) ? node : topOf[parent - chain.first];
				if (parent >= 0) {
					int t = topOf[i] - chain.first;
					if (subtree[t] == null) {
						subtree[t] = new IntList();
					}
					subtree[t].add(node);
				}
			}
			for (int i = chain.topCount; i < chain.size; i++) {
				if (r.nextDouble() >= 0.6) {
					continue;
				}
				IntList next = this.successors[topOf[i]];
				int n = Math.min(next.size(), 1 + r.nextInt(2));
				for (int e = 0; e < n; e++) {
					int t = next.get(r.nextInt(next.size()));
					if (this.nodeChain.get(t) != chain.index) {
						continue;
					}
					IntList below = subtree[t - chain.first];
					int target = (below == null) ? t : below.get(r.nextInt(below.size()));
					addFeed(chain.first + i, target, links);
				}
			}
		}

		private boolean hasPredecessor(int node, ChainModel chain, Set<Long> links) {
			for (int l = 0; l < chain.layers; l++) {
				for (int k = 0; k < chain.topByLayer[l].size(); k++) {
					if (links.contains(key(chain.topByLayer[l].get(k), node))) {
						return true;
					}
				}
			}
			return false;
		}

		private void addFeed(int from, int to, Set<Long> links) {
			if (from != to && links.add(key(from, to))) {
				this.successors[from].add(to);
			}
		}

		private void writeChains() throws IOException {
			try (Table chainsCsv = table("chains.csv", "id", "name", "aliases", "description")) {
				for (ChainModel chain : this.chains) {
					chainsCsv.row(chain.id, chain.domain + "产业链（模拟" + pad(chain.index + 1, 2) + "）", chain.domain,
							"合成数据：" + chain.size + "个环节，" + chain.layers + "层");
				}
			}
			try (Table nodes = table("chain_nodes.csv", "id", "chainId", "name", "aliases", "stage", "parentId",
					"description")) {
				for (int node = 0; node < this.nodeIds.size(); node++) {
					ChainModel chain = this.chains.get(this.nodeChain.get(node));
					int parent = this.nodeParent.get(node);
					int layer = this.nodeLayer.get(node);
					String name = chain.domain + "·" + this.nodeWords.get(node) + " L" + (layer + 1) + "-"
							+ (node - chain.first + 1) + "（模拟）";
					nodes.row(this.nodeIds.get(node), chain.id, name, "", Vocabulary.STAGES[stageOf(layer, chain.layers)],
							(parent < 0) ? "" : this.nodeIds.get(parent), "");
				}
			}
			try (Table links = table("chain_links.csv", "fromId", "toId")) {
				for (int node = 0; node < this.nodeIds.size(); node++) {
					for (int k = 0; k < this.successors[node].size(); k++) {
						links.row(this.nodeIds.get(node), this.nodeIds.get(this.successors[node].get(k)));
					}
				}
			}
		}

		// ---- parks: Zipf sizes, sub-parks, focus chains

		private void buildParks(SplittableRandom r) {
			int count = this.o.parks();
			this.parkZipf = new Zipf(count, 1.0);
			int width = Math.max(3, String.valueOf(count).length());
			for (int p = 0; p < count; p++) {
				String region = Vocabulary.REGIONS[r.nextInt(Vocabulary.REGIONS.length)];
				ParkModel park = new ParkModel("syn-p" + pad(p + 1, width), null, region, p);
				park.kind = Vocabulary.PARK_KINDS[r.nextInt(Vocabulary.PARK_KINDS.length)];
				park.name = region.substring(region.length() - 3) + brand(r) + park.kind[1] + "（模拟P" + pad(p + 1, width)
						+ "）";
				int focus = 1 + r.nextInt(Math.min(3, this.o.chains()));
				park.focus.add(p % this.o.chains());
				while (park.focus.size() < focus) {
					int c = r.nextInt(this.o.chains());
					if (!park.focus.contains(c)) {
						park.focus.add(c);
					}
				}
				this.parks.add(park);
				this.topParks.add(park);
				int subs = (p < Math.max(1, count / 10)) ? 1 + r.nextInt(3) : (r.nextDouble() < 0.2 ? 1 : 0);
				for (int s = 1; s <= subs; s++) {
					ParkModel sub = new ParkModel(park.id + "-" + s, park, region, p);
					sub.kind = Vocabulary.SUB_PARK_KINDS[r.nextInt(Vocabulary.SUB_PARK_KINDS.length)];
					sub.name = park.name.substring(0, park.name.indexOf('（')) + Vocabulary.ORDINALS[s - 1] + sub.kind[1]
							+ "（模拟P" + pad(p + 1, width) + "-" + s + "）";
					if (r.nextBoolean()) {
						sub.focus.add(park.focus.get(0));
					}
					this.parks.add(sub);
					park.subParks.add(sub);
					// the largest park has a sub-park of a sub-park, so roll-ups over two levels are exercised
					if (p == 0 && s == 1) {
						ParkModel subSub = new ParkModel(sub.id + "-1", sub, region, p);
						subSub.kind = Vocabulary.SUB_PARK_KINDS[0];
						subSub.name = sub.name.substring(0, sub.name.indexOf('（')) + "一号楼（模拟P" + pad(p + 1, width) + "-"
								+ s + "-1）";
						this.parks.add(subSub);
						park.subParks.add(subSub);
					}
				}
			}
		}

		private void writeParks() throws IOException {
			SplittableRandom r = random(6);
			try (Table parksCsv = table("parks.csv", "id", "name", "aliases", "kind", "region", "parentId",
					"description")) {
				for (ParkModel park : this.parks) {
					parksCsv.row(park.id, script(park.name, r), "", park.kind[0], "浙江省" + park.region,
							(park.parent == null) ? "" : park.parent.id, "合成数据 (synthetic)");
				}
			}
			try (Table focus = table("park_chains.csv", "parkId", "chainId", "priority")) {
				for (ParkModel park : this.parks) {
					for (int k = 0; k < park.focus.size(); k++) {
						focus.row(park.id, this.chains.get(park.focus.get(k)).id, String.valueOf(k + 1));
					}
				}
			}
		}

		// ---- enterprises and their segments

		private void writeEnterprises(SplittableRandom r) throws IOException {
			int n = this.o.enterprises();
			this.enterpriseIdWidth = Math.max(6, String.valueOf(n).length());
			this.enterpriseNodes = new int[n * 3];
			Arrays.fill(this.enterpriseNodes, -1);
			this.enterpriseFounded = new byte[n];
			this.nodeEnterprises = new IntList[this.nodeIds.size()];
			for (int i = 0; i < this.nodeEnterprises.length; i++) {
				this.nodeEnterprises[i] = new IntList();
			}
			this.topParkEnterprises = new IntList[this.topParks.size()];
			for (int i = 0; i < this.topParkEnterprises.length; i++) {
				this.topParkEnterprises[i] = new IntList();
			}
			Zipf chainWeights = null;
			try (Table enterprises = table("enterprises.csv", "id", "name", "creditCode", "aliases", "parkId", "region",
					"tags", "founded", "employees", "revenue", "description", "source");
					Table links = table("enterprise_nodes.csv", "enterpriseId", "nodeId", "weight", "confidence",
							"source")) {
				for (int e = 0; e < n; e++) {
					String id = enterpriseId(e);
					// where
					ParkModel park = null;
					if (r.nextDouble() >= 0.08) {
						ParkModel top = this.topParks.get(this.parkZipf.sample(r));
						park = (!top.subParks.isEmpty() && r.nextDouble() < 0.4)
								? top.subParks.get(r.nextInt(top.subParks.size())) : top;
						this.topParkEnterprises[top.rank].add(e);
					}
					// what: the primary segment mostly in one of the park's focus chains
					ChainModel chain;
					ParkModel focusOwner = (park == null) ? null : this.topParks.get(park.rank);
					if (focusOwner != null && r.nextDouble() < 0.7) {
						chain = this.chains.get(focusOwner.focus.get(r.nextInt(focusOwner.focus.size())));
					}
					else {
						if (chainWeights == null) {
							chainWeights = new Zipf(this.chains.size(), 0.0);
						}
						chain = this.chains.get(chainWeights.sample(r));
					}
					int primary = chain.first + chain.order[chain.popularity.sample(r)];
					int linkCount = pick(r, 0.45, 0.35) + 1;
					int[] nodes = { primary, -1, -1 };
					for (int k = 1; k < linkCount; k++) {
						int candidate = relatedSegment(primary, chain, r);
						if (candidate != nodes[0] && candidate != nodes[1]) {
							nodes[k] = candidate;
						}
					}
					// who
					String brand = brand(r);
					String[] words = Vocabulary.INDUSTRY_WORDS[chain.index % Vocabulary.INDUSTRY_WORDS.length];
					String industry = words[r.nextInt(words.length)];
					String form = Vocabulary.COMPANY_FORMS[r.nextInt(Vocabulary.COMPANY_FORMS.length)];
					String serial = pad(e + 1, this.enterpriseIdWidth);
					String name = brand + industry + form + "（模拟" + serial + "）";
					String creditCode = (r.nextDouble() < CREDIT_CODE_SHARE) ? creditCode(e, r) : "";
					String aliases = (r.nextDouble() < 0.25) ? brand + industry + serial : "";
					String region = (park != null) ? "浙江省" + park.region
							: "浙江省" + Vocabulary.REGIONS[r.nextInt(Vocabulary.REGIONS.length)];
					int founded = 2025 - (int) Math.min(45, Math.floor(-Math.log(1 - r.nextDouble()) * 9));
					double employees = Math.exp(Math.log(40) + 1.3 * gaussian(r));
					long staff = Math.max(1, Math.min(200_000, Math.round(employees)));
					double revenue = staff * 0.004 * Math.exp(0.6 * gaussian(r));
					String tags = tags(staff, founded, r);
					enterprises.row(id, script(name, r), creditCode, aliases, (park == null) ? "" : park.id, region,
							tags, String.valueOf(founded), String.valueOf(staff), fixed2(Math.max(0.01, revenue)), "",
							SOURCE);
					this.enterpriseFounded[e] = (byte) (founded - 1980);
					for (int k = 0; k < 3; k++) {
						if (nodes[k] < 0) {
							continue;
						}
						this.enterpriseNodes[e * 3 + k] = nodes[k];
						this.nodeEnterprises[nodes[k]].add(e);
						double weight = (k == 0) ? 0.6 + 0.4 * r.nextDouble() : 0.1 + 0.5 * r.nextDouble();
						double confidence = 0.5 + 0.5 * r.nextDouble();
						links.row(id, this.nodeIds.get(nodes[k]), fixed2(weight), fixed2(confidence), SOURCE);
					}
				}
			}
		}

		/** Another segment near {@code node}: its parent, a FEEDS neighbour, or a popular one of the same chain. */
		private int relatedSegment(int node, ChainModel chain, SplittableRandom r) {
			double u = r.nextDouble();
			int parent = this.nodeParent.get(node);
			if (u < 0.3 && parent >= 0) {
				return parent;
			}
			IntList next = this.successors[node];
			if (u < 0.6 && next.size() > 0) {
				return next.get(r.nextInt(next.size()));
			}
			return chain.first + chain.order[chain.popularity.sample(r)];
		}

		private static String tags(long staff, int founded, SplittableRandom r) {
			List<String> tags = new ArrayList<>(3);
			if (staff > 2000 && r.nextDouble() < 0.5) {
				tags.add("LISTED");
			}
			if (staff > 500 && r.nextDouble() < 0.3) {
				tags.add("LEADING");
			}
			if (founded >= 2015 && staff > 300 && r.nextDouble() < 0.05) {
				tags.add("UNICORN");
			}
			if (r.nextDouble() < 0.08) {
				tags.add("SPECIALIZED");
			}
			if (r.nextDouble() < 0.2) {
				tags.add("HIGH_TECH");
			}
			return String.join("|", tags);
		}

		/** A valid, unique 统一社会信用代码: 91 + region code + an organisation code derived from the index. */
		private static String creditCode(int index, SplittableRandom r) {
			StringBuilder code = new StringBuilder(18);
			code.append("91");
			code.append(Vocabulary.REGION_CODES[r.nextInt(Vocabulary.REGION_CODES.length)]);
			// 31^9 > 2^44: an odd multiplier modulo 31^9 is a bijection, so codes never repeat
			long mixed = Math.floorMod((index + 1L) * 1_000_003L, 26_439_622_160_671L);
			char[] org = new char[9];
			for (int i = 8; i >= 0; i--) {
				org[i] = Vocabulary.CREDIT_ALPHABET.charAt((int) (mixed % 31));
				mixed /= 31;
			}
			code.append(org);
			code.append(CreditCode.checkCharacter(code.toString()));
			return code.toString();
		}

		// ---- supplies: power-law out-degree, mostly along FEEDS

		private void writeSupplies(SplittableRandom r) throws IOException {
			int n = this.o.enterprises();
			int maxDegree = Math.max(3, Math.min(300, n / 20));
			long[] seen = new long[8];
			try (Table supplies = table("supplies.csv", "supplierId", "customerId", "product", "since", "source")) {
				for (int e = 0; e < n; e++) {
					if (r.nextDouble() < 0.25) {
						continue;
					}
					// P(degree >= k) = k^-1.7
					int degree = (int) Math.min(maxDegree, Math.floor(Math.pow(1 - r.nextDouble(), -1 / 1.7)));
					if (seen.length < degree) {
						seen = new long[degree];
					}
					int written = 0;
					for (int attempt = 0; written < degree && attempt < degree * 3; attempt++) {
						int customer = customerOf(e, r);
						if (customer < 0 || customer == e || contains(seen, written, customer)) {
							continue;
						}
						seen[written++] = customer;
						int since = 1980 + Math.max(this.enterpriseFounded[e], this.enterpriseFounded[customer])
								+ r.nextInt(6);
						supplies.row(enterpriseId(e), enterpriseId(customer),
								this.nodeWords.get(this.enterpriseNodes[e * 3]), String.valueOf(Math.min(2025, since)),
								SOURCE);
					}
				}
			}
		}

		/**
		 * 85 %: an enterprise in a segment that one of the supplier's segments (or, for a sub-segment
		 * without FEEDS of its own, its nearest ancestor) FEEDS; an enterprise at the end of its chain
		 * has no such segment and mostly supplies nobody there. Otherwise a peer in the same segment
		 * or anyone. Early enterprises of a segment are picked more often (hubs); -1 = no customer.
		 */
		private int customerOf(int supplier, SplittableRandom r) {
			int node = this.enterpriseNodes[supplier * 3 + r.nextInt(3)];
			if (node < 0) {
				node = this.enterpriseNodes[supplier * 3];
			}
			double u = r.nextDouble();
			if (u < 0.85) {
				IntList next = downstreamOf(node);
				if (next == null) {
					if (r.nextBoolean()) {
						return -1;
					}
				}
				else {
					for (int tries = 0; tries < 3; tries++) {
						IntList there = this.nodeEnterprises[next.get(r.nextInt(next.size()))];
						if (there.size() > 0) {
							return skewed(there, r);
						}
					}
				}
			}
			if (u < 0.93) {
				return skewed(this.nodeEnterprises[node], r);
			}
			return r.nextInt(this.o.enterprises());
		}

		/** The FEEDS successors of the segment or of its nearest ancestor that has some; null at a chain's end. */
		private IntList downstreamOf(int node) {
			for (int n = node; n >= 0; n = this.nodeParent.get(n)) {
				if (this.successors[n].size() > 0) {
					return this.successors[n];
				}
			}
			return null;
		}

		private static int skewed(IntList list, SplittableRandom r) {
			double u = r.nextDouble();
			return list.get((int) (list.size() * u * u * u));
		}

		// ---- platforms and their links

		private void writePlatforms(SplittableRandom r) throws IOException {
			int count = GeneratorOptions.clamp(this.o.enterprises() / 250, 7, 5_000);
			int width = Math.max(4, String.valueOf(count).length());
			try (Table platforms = table("platforms.csv", "id", "name", "kind", "level", "aliases", "parkId",
					"description", "source");
					Table links = table("platform_links.csv", "platformId", "targetId", "kind", "since", "source")) {
				for (int p = 0; p < count; p++) {
					String id = "syn-pf" + pad(p + 1, width);
					// the first seven cover every kind, so every link kind is present
					int kind = (p < Vocabulary.PLATFORM_KIND_WORDS.length) ? p
							: r.nextInt(Vocabulary.PLATFORM_KIND_WORDS.length);
					String level = DatasetFormat.PLATFORM_LEVELS[(p < 3) ? 0 : pick(r, 0.1, 0.3)];
					ParkModel top = (r.nextDouble() < 0.05) ? null : this.topParks.get(this.parkZipf.sample(r));
					ParkModel park = (top != null && !top.subParks.isEmpty() && r.nextDouble() < 0.2)
							? top.subParks.get(r.nextInt(top.subParks.size())) : top;
					String name = brand(r) + Vocabulary.PLATFORM_KIND_WORDS[kind] + "（模拟PF" + pad(p + 1, width) + "）";
					platforms.row(id, script(name, r), DatasetFormat.PLATFORM_KINDS[kind], level, "",
							(park == null) ? "" : park.id, "合成数据 (synthetic)", SOURCE);
					// SERVES: segments of the park's focus chains
					List<Integer> focus = (top != null) ? top.focus : List.of(r.nextInt(this.chains.size()));
					int serves = 1 + r.nextInt(6);
					Set<Integer> served = new HashSet<>();
					for (int k = 0; k < serves; k++) {
						ChainModel chain = this.chains.get(focus.get(r.nextInt(focus.size())));
						int node = chain.first + chain.order[chain.popularity.sample(r)];
						if (served.add(node)) {
							links.row(id, this.nodeIds.get(node), "SERVES", String.valueOf(2010 + r.nextInt(16)), SOURCE);
						}
					}
					String linkKind = switch (DatasetFormat.PLATFORM_KINDS[kind]) {
						case "INCUBATOR" -> "INCUBATES";
						case "FUND" -> "INVESTS_IN";
						case "RESEARCH", "TESTING" -> "TRANSFERS_TECH_TO";
						default -> (r.nextDouble() < 0.3) ? "TRANSFERS_TECH_TO" : null;
					};
					if (linkKind == null) {
						continue;
					}
					IntList local = (top != null) ? this.topParkEnterprises[top.rank] : null;
					int targets = 2 + r.nextInt(19);
					Set<Integer> linked = new HashSet<>();
					for (int k = 0; k < targets; k++) {
						// incubators work with their park's enterprises; funds and research also further afield
						boolean nearby = local != null && local.size() > 0
								&& (linkKind.equals("INCUBATES") || r.nextDouble() < 0.6);
						int e = nearby ? local.get(r.nextInt(local.size())) : r.nextInt(this.o.enterprises());
						if (linked.add(e)) {
							links.row(id, enterpriseId(e), linkKind, String.valueOf(2012 + r.nextInt(14)), SOURCE);
						}
					}
				}
			}
		}

		// ---- helpers

		private String enterpriseId(int e) {
			return "syn-e" + pad(e + 1, this.enterpriseIdWidth);
		}

		/** A traditional-script rendering of a few percent of names, as messy real data has. */
		private static String script(String name, SplittableRandom r) {
			return (r.nextDouble() < TRADITIONAL_SHARE) ? ZhConverterUtil.toTraditional(name) : name;
		}

		private static String brand(SplittableRandom r) {
			String[] c = Vocabulary.BRAND_CHARACTERS;
			return c[r.nextInt(c.length)] + c[r.nextInt(c.length)];
		}

		private static int stageOf(int layer, int layers) {
			return Math.min(2, layer * 3 / layers);
		}

		/** 0 with probability a, 1 with probability b, otherwise 2. */
		private static int pick(SplittableRandom r, double a, double b) {
			double u = r.nextDouble();
			return (u < a) ? 0 : (u < a + b) ? 1 : 2;
		}

		private static double gaussian(SplittableRandom r) {
			// Box–Muller, so the stream of numbers drawn is fixed by the algorithm here
			double u1 = 1 - r.nextDouble();
			double u2 = r.nextDouble();
			return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
		}

		private static int[] permutation(int n, SplittableRandom r) {
			int[] order = new int[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			for (int i = n - 1; i > 0; i--) {
				int j = r.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			return order;
		}

		private static boolean contains(long[] values, int count, long value) {
			for (int i = 0; i < count; i++) {
				if (values[i] == value) {
					return true;
				}
			}
			return false;
		}

		private static long key(int from, int to) {
			return ((long) from << 32) | (to & 0xFFFFFFFFL);
		}

		private static String pad(int value, int width) {
			String s = String.valueOf(value);
			return (s.length() >= width) ? s : "0".repeat(width - s.length()) + s;
		}

		/** Two decimals, locale-free. */
		static String fixed2(double value) {
			long cents = Math.round(value * 100);
			long whole = cents / 100;
			long frac = cents % 100;
			return whole + "." + (frac < 10 ? "0" : "") + frac;
		}

		private Table table(String file, String... header) throws IOException {
			return new Table(file, this.out.resolve(file), header);
		}

		/** A CSV file being written; counts its rows into the summary on close. */
		private final class Table implements AutoCloseable {

			private final String file;

			private final CSVPrinter printer;

			private long count;

			Table(String file, Path path, String[] header) throws IOException {
				this.file = file;
				this.printer = new CSVPrinter(new BufferedWriter(
						new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16), CSV);
				this.printer.printRecord((Object[]) header);
			}

			void row(String... values) throws IOException {
				this.printer.printRecord((Object[]) values);
				this.count++;
			}

			@Override
			public void close() throws IOException {
				this.printer.close(true);
				Run.this.rows.put(this.file, this.count);
			}

		}

	}

	/** One chain: its segments are the node indices first .. first+size-1. */
	private static final class ChainModel {

		final int index;

		final String id;

		final String domain;

		final int first;

		final int size;

		int layers;

		int topCount;

		IntList[] topByLayer;

		Zipf popularity;

		int[] order;

		ChainModel(int index, String id, String domain, int first, int size) {
			this.index = index;
			this.id = id;
			this.domain = domain;
			this.first = first;
			this.size = size;
		}

		int randomTop(int layer, SplittableRandom r) {
			IntList nodes = this.topByLayer[layer];
			return nodes.get(r.nextInt(nodes.size()));
		}

	}

	private static final class ParkModel {

		final String id;

		final ParkModel parent;

		final String region;

		/** Rank of the top-level park it belongs to. */
		final int rank;

		String[] kind;

		String name;

		final List<Integer> focus = new ArrayList<>(3);

		final List<ParkModel> subParks = new ArrayList<>();

		ParkModel(String id, ParkModel parent, String region, int rank) {
			this.id = id;
			this.parent = parent;
			this.region = region;
			this.rank = rank;
		}

	}

	/** Samples ranks 0..n-1 with P(k) ∝ 1/(k+1)^s (s = 0: uniform). */
	static final class Zipf {

		private final double[] cumulative;

		Zipf(int n, double s) {
			this.cumulative = new double[n];
			double sum = 0;
			for (int k = 0; k < n; k++) {
				sum += 1 / Math.pow(k + 1, s);
				this.cumulative[k] = sum;
			}
		}

		int sample(SplittableRandom r) {
			double u = r.nextDouble() * this.cumulative[this.cumulative.length - 1];
			int i = Arrays.binarySearch(this.cumulative, u);
			return Math.min(this.cumulative.length - 1, (i >= 0) ? i : -i - 1);
		}

	}

	/** A growable int array (no boxing for per-segment and per-park member lists). */
	static final class IntList {

		private int[] values = new int[4];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int get(int index) {
			return this.values[index];
		}

		int size() {
			return this.size;
		}

	}

}
