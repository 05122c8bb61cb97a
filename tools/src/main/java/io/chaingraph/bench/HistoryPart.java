package io.chaingraph.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chaingraph.config.Graph;
import io.chaingraph.gap.GapSnapshots;
import io.chaingraph.generate.DatasetGenerator;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportReport;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.ImportStatus;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.security.ApiPrincipal;
import io.chaingraph.security.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gap history: what the snapshots cost (docs/design.md, "Gap history"). For each size, in a fresh
 * database with the poller off, the importer loads the generated dataset and one
 * {@link GapSnapshots#catchUp()} round then snapshots every park (its time against the import's);
 * then curation writes that change the report of the park with the most local enterprises, timed
 * alone and each followed by its round; last, on the same store restarted with the poller at its
 * default, the same writes while the poller works them out on its own thread (a write never waits for
 * a snapshot). Targets: the round after an import at most 5 % of the import (on M), a curation write's
 * round at most 20 ms (at L's largest park).
 */
public final class HistoryPart implements BenchPart {

	/** The round after an import, as a share of the import (the target is set on M). */
	static final double TARGET_IMPORT_SHARE = 0.05;

	/** What a snapshot may add to a single curation write (the target is set on L's largest park). */
	static final Duration TARGET_WRITE_EXTRA = Duration.ofMillis(20);

	/** Timed writes per mode, and untimed ones before them. */
	static final int WRITES = 30;

	static final int WARMUPS = 5;

	static final int SMOKE_WRITES = 5;

	static final int SMOKE_WARMUPS = 2;

	/** The poller's default period ({@code chaingraph.gap-history.poll}). */
	static final Duration POLL = Duration.ofSeconds(1);

	/** Between two writes while the poller runs: several writes per period, so rounds run while writes do. */
	static final Duration PACE = POLL.dividedBy(5);

	/** The longest wait for the kept gap counts after an import or a start (recounted in the background). */
	static final Duration COUNTS_WAIT = Duration.ofMinutes(10);

	static final String LINK = """
			mutation($e: ID!, $n: ID!) {
			  linkEnterpriseToNode(enterpriseId: $e, nodeId: $n, weight: 0.5, confidence: 0.9, source: "bench",
			                       expectedVersion: 0) { version outcome } }""";

	static final String UNLINK = """
			mutation($e: ID!, $n: ID!) { unlinkEnterpriseFromNode(enterpriseId: $e, nodeId: $n) { version outcome } }""";

	/** The park with the most enterprises located in it or a sub-park, with its count. */
	static final String LARGEST_PARK = """
			MATCH (p:Park)
			WITH p, size(COLLECT { MATCH (e:Enterprise)-[:LOCATED_IN]->(:Park)-[:PART_OF*0..10]->(p) RETURN DISTINCT e.id }) AS local
			RETURN p.id AS id, local, COUNT { (p)-[:FOCUSES_ON]->(:Chain) } AS chains
			ORDER BY local DESC, id LIMIT 1""";

	/**
	 * An enterprise located in the park and a segment of the park's first focus chain without
	 * sub-segments that it does not operate in: linking it changes the segment's local count.
	 */
	static final String WRITE_TARGET = """
			MATCH (p:Park {id: $park})<-[:LOCATED_IN]-(e:Enterprise)
			WITH p, e ORDER BY e.id LIMIT 1
			MATCH (p)-[f:FOCUSES_ON]->(c:Chain)<-[:IN_CHAIN]-(n:ChainNode)
			WHERE NOT EXISTS { (n)<-[:PART_OF]-(:ChainNode) } AND NOT EXISTS { (e)-[:OPERATES_IN]->(n) }
			RETURN e.id AS enterprise, c.id AS chain, n.id AS segment
			ORDER BY f.priority, c.id, n.id LIMIT 1""";

	static final String COUNTS_READY = "MATCH (m:GapStatsMeta {key: 'gap'}) RETURN coalesce(m.ready, false) AS ready";

	@Override
	public String name() {
		return "history";
	}

	/** The park the writes touch, the enterprise they change and the segment they link it to. */
	record Target(String park, long localEnterprises, long chains, String enterprise, String chain, String segment) {
	}

	/** One size's figures. */
	record Figures(Duration load, Duration recount, Duration importRound, int importSnapshots, boolean countsReady,
			Target target,
			List<Duration> alone, List<Duration> writes, List<Duration> rounds, int writeSnapshots,
			List<Duration> polled, long pollerSnapshots, long pollerMillis) {

		/** What the snapshots add to an import: the recount its batches left, then the round. */
		double importShare() {
			return this.recount.plus(this.importRound).toNanos() / (double) this.load.toNanos();
		}

		List<Duration> writePlusRound() {
			List<Duration> sums = new ArrayList<>();
			for (int i = 0; i < this.writes.size(); i++) {
				sums.add(this.writes.get(i).plus(this.rounds.get(i)));
			}
			return sums;
		}

	}

	@Override
	public List<MarkdownTable> run(BenchContext context) throws Exception {
		List<MarkdownTable> tables = new ArrayList<>();
		for (BenchSize size : context.sizes()) {
			if (size.bulkOnly()) {
				context.log().printf("Gap history: %s not measured (beyond L the benchmark loads by the bulk load only)%n",
						size);
				continue;
			}
			boolean smoke = size.label().equals(BenchSize.SMOKE.label());
			int writes = smoke ? SMOKE_WRITES : WRITES;
			int warmups = smoke ? SMOKE_WARMUPS : WARMUPS;
			DatasetGenerator.Summary dataset = context.dataset(size);
			context.log().printf("Gap history, size %s%n", size);
			Figures figures = measure(context, dataset.dir(), writes, warmups);
			MarkdownTable table = table(size, figures, writes, warmups);
			context.log().print(table.render());
			tables.add(table);
		}
		return tables;
	}

	/** The import, its round and the writes with the poller off. */
	record Quiet(Duration load, Duration recount, Duration importRound, int importSnapshots, boolean countsReady,
			Target target,
			Editor editor, List<Duration> alone, List<Duration> writes, List<Duration> rounds, int writeSnapshots) {
	}

	/** The writes while the poller runs, and what its rounds wrote meanwhile. */
	record Polled(List<Duration> writes, long snapshots, long millis) {
	}

	private static Figures measure(BenchContext context, Path dataset, int writes, int warmups) throws Exception {
		Path home = BenchDatabase.newHome(context.workDir().resolve("db"));
		try {
			Quiet quiet;
			// the service's own embedded database, as by default: the gap counts kept on write
			BenchDatabase db = context.database(home, null, true, true, "chaingraph.gap-history.poll=0");
			try {
				quiet = quiet(context, db, dataset, writes, warmups);
			}
			finally {
				db.stop();
			}
			Polled polled;
			// the same store with the poller at its default: it works the writes out on its own thread
			try (BenchDatabase running = context.database(home, null, true, true)) {
				polled = polled(context, running, quiet.editor(), writes, warmups);
			}
			return new Figures(quiet.load(), quiet.recount(), quiet.importRound(), quiet.importSnapshots(),
					quiet.countsReady(),
					quiet.target(), quiet.alone(), quiet.writes(), quiet.rounds(), quiet.writeSnapshots(),
					polled.writes(), polled.snapshots(), polled.millis());
		}
		finally {
			BenchDatabase.delete(home);
		}
	}

	private static Quiet quiet(BenchContext context, BenchDatabase db, Path dataset, int writes, int warmups)
			throws Exception {
		GapSnapshots snapshots = db.bean(GapSnapshots.class);
		long started = System.nanoTime();
		ImportReport report = db.bean(ImportService.class)
			.run(DatasetSource.fromDirectory(dataset), false, ImportProgress.NONE);
		Duration load = Duration.ofNanos(System.nanoTime() - started);
		if (report.status() != ImportStatus.SUCCEEDED) {
			throw new IllegalStateException("import of " + dataset + " ended " + report.status() + ": "
					+ report.problems().stream().limit(5).map(p -> p.format()).toList());
		}
		boolean countsReady = countsReady(db);
		// a large import's batches leave the kept counts to one recount at its end; the round waits for it
		started = System.nanoTime();
		awaitCounts(context, db);
		Duration recount = Duration.ofNanos(System.nanoTime() - started);
		started = System.nanoTime();
		GapSnapshots.Written importRound = snapshots.catchUp();
		Duration importTime = Duration.ofNanos(System.nanoTime() - started);
		context.log().printf("  import %.2f s, the counts' recount %.2f s, its round %.1f ms: %,d snapshots (kept counts %s)%n",
				load.toNanos() / 1e9, recount.toNanos() / 1e9, importTime.toNanos() / 1e6, importRound.snapshots(),
				countsReady ? "ready" : "recounted after it");
		Target target = target(db.bean(Graph.class));
		context.log().printf("  largest park %s: %,d local enterprises; the writes link %s to %s (chain %s) and unlink it%n",
				target.park(), target.localEnterprises(), target.enterprise(), target.segment(), target.chain());
		awaitCounts(context, db);
		Editor editor = new Editor(target);
		List<Duration> alone = new ArrayList<>();
		List<Duration> timed = new ArrayList<>();
		List<Duration> rounds = new ArrayList<>();
		int[] written = new int[1];
		try (BenchTarget graphQl = BenchTarget.of(db.context(), "http://127.0.0.1:" + db.httpPort())) {
			asEditor(() -> {
				for (int i = 0; i < warmups; i++) {
					editor.write(graphQl);
					snapshots.catchUp();
				}
				for (int i = 0; i < writes; i++) {
					alone.add(editor.write(graphQl));
				}
				snapshots.catchUp();
				for (int i = 0; i < writes; i++) {
					timed.add(editor.write(graphQl));
					long roundStarted = System.nanoTime();
					GapSnapshots.Written round = snapshots.catchUp();
					rounds.add(Duration.ofNanos(System.nanoTime() - roundStarted));
					written[0] += round.snapshots();
				}
			});
		}
		context.log().printf("  write alone p50 %.2f ms; write %.2f ms + its round %.2f ms (p50), %d snapshots%n",
				Stats.of(alone).medianMillis(), Stats.of(timed).medianMillis(), Stats.of(rounds).medianMillis(), written[0]);
		return new Quiet(load, recount, importTime, importRound.snapshots(), countsReady, target, editor, alone, timed,
				rounds,
				written[0]);
	}

	private static Polled polled(BenchContext context, BenchDatabase db, Editor editor, int writes, int warmups)
			throws Exception {
		awaitCounts(context, db);
		GapSnapshots snapshots = db.bean(GapSnapshots.class);
		List<Duration> timed = new ArrayList<>();
		long[] before = new long[2];
		try (BenchTarget graphQl = BenchTarget.of(db.context(), "http://127.0.0.1:" + db.httpPort())) {
			asEditor(() -> {
				for (int i = 0; i < warmups; i++) {
					editor.write(graphQl);
				}
				snapshots.catchUp();
				before[0] = snapshots.snapshotsWritten();
				before[1] = snapshots.millisSpent();
				for (int i = 0; i < writes; i++) {
					long due = System.nanoTime() + PACE.toNanos();
					timed.add(editor.write(graphQl));
					Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
				}
				// the poller's rounds after the last write
				Thread.sleep(POLL.multipliedBy(2).toMillis());
			});
		}
		long written = snapshots.snapshotsWritten() - before[0];
		long millis = snapshots.millisSpent() - before[1];
		context.log().printf("  write with the poller running p50 %.2f ms; the poller wrote %,d snapshots (%,d ms in its "
				+ "rounds that wrote)%n", Stats.of(timed).medianMillis(), written, millis);
		return new Polled(timed, written, millis);
	}

	private static MarkdownTable table(BenchSize size, Figures f, int writes, int warmups) {
		MarkdownTable table = new MarkdownTable("Gap history: what a snapshot costs on " + size.label(), "measurement",
				"runs", "p50", "p95", "snapshots", "against the target", "verdict");
		String runs = writes + " (+" + warmups + " warm-up)";
		boolean importMet = f.importShare() <= TARGET_IMPORT_SHARE;
		Duration roundP95 = p95(f.rounds());
		boolean writeMet = roundP95.compareTo(TARGET_WRITE_EXTRA) <= 0;
		Stats alone = Stats.of(f.alone());
		Stats polled = Stats.of(f.polled());
		table.row("import (the importer, poller off)", "1", ms(f.load()), "–", "–", "–", "–");
		table.row("the kept counts' recount after it (waited for)", "1", ms(f.recount()), "–", "–", "–", "–");
		table.row("its round (catchUp: every park)", "1", ms(f.importRound()), "–", fmt(f.importSnapshots()),
				String.format(Locale.ROOT, "recount + round %.1f %% of the import (≤ %.0f %%)", 100 * f.importShare(),
						100 * TARGET_IMPORT_SHARE),
				importMet ? "met" : "MISSED");
		table.row("curation write alone (poller off)", runs, ms(alone.median()), ms(p95(f.alone())), "–", "–", "–");
		table.row("its round (catchUp after each write)", writes, ms(Stats.of(f.rounds()).median()), ms(roundP95),
				fmt(f.writeSnapshots()), "–", "–");
		table.row("write + its round", writes, ms(Stats.of(f.writePlusRound()).median()), ms(p95(f.writePlusRound())),
				"–", String.format(Locale.ROOT, "the round adds %s p50, %s p95 (≤ %d ms)", ms(Stats.of(f.rounds()).median()),
						ms(roundP95), TARGET_WRITE_EXTRA.toMillis()),
				writeMet ? "met" : "MISSED");
		table.row("curation write, poller running (every " + POLL.toSeconds() + " s)", writes + " (+" + warmups + " warm-up)",
				ms(polled.median()), ms(p95(f.polled())), fmt(f.pollerSnapshots()) + " (by the poller)",
				String.format(Locale.ROOT, "%s× / %s× the write alone (p50 / p95)",
						Latency.ratio(polled.medianMillis(), alone.medianMillis()),
						Latency.ratio(p95(f.polled()).toNanos(), p95(f.alone()).toNanos())),
				"–");
		Target t = f.target();
		table.note(String.format(Locale.ROOT, "Largest park: `%s`, %,d local enterprises (located in it or a sub-park), "
				+ "%d focus chain%s. Each write links enterprise `%s` (located in the park) to segment `%s` of chain `%s` "
				+ "(no sub-segments, not one of its segments before) or unlinks it again, in turn: `linkEnterpriseToNode` / "
				+ "`unlinkEnterpriseFromNode`, a GraphQL request executed in-process (the service's GraphQL handler, "
				+ "without HTTP) as an EDITOR token's caller. Each changes the segment's local count, so each round writes "
				+ "the park's snapshot on that chain.", t.park(), t.localEnterprises(), t.chains(), (t.chains() == 1) ? "" : "s",
				t.enterprise(), t.segment(), t.chain()));
		table.note(String.format(Locale.ROOT, "Import: the importer into a fresh database with the poller off "
				+ "(`chaingraph.gap-history.poll=0`), then one `GapSnapshots.catchUp()`, the round the poller would run "
				+ "after the import: a report per park and focus chain, every park's enterprises, one write transaction "
				+ "(the kept gap counts were %s when it ran; the first round in the database, so its statements are "
				+ "planned in it). Curation write: %d untimed writes each with its round, %d writes alone, then %d writes "
				+ "each followed by its round, timed apart; write + its round is their sum per write. Then the same store "
				+ "restarted with the poller at its default: %d writes, one every %d ms after %d untimed ones, while the "
				+ "poller works them out on its own thread: it wrote %,d snapshots, its rounds that wrote one took %,d ms in "
				+ "all (a round that finds a link and its unlink together leaves the report as it was and writes none). A "
				+ "write does not wait for a snapshot; the rounds share the machine's cores with it.",
				f.countsReady() ? "ready when the import returned"
						: "recounted once after it, as after every import whose batches change more than 100 enterprises "
								+ "each on a graph above 20,000 (the round waits for the recount, and the recount for "
								+ "the import's end)",
				warmups, writes, writes, writes, PACE.toMillis(), warmups, f.pollerSnapshots(), f.pollerMillis()));
		table.note(String.format(Locale.ROOT, "Targets: the round after an import ≤ %.0f %% of the import (set on M); a "
				+ "curation write at the largest park ≤ %d ms more (set on L), read here as the round's p95. Other sizes "
				+ "are compared for reference.", 100 * TARGET_IMPORT_SHARE, TARGET_WRITE_EXTRA.toMillis()));
		table.note(String.format(Locale.ROOT, "- %s: the recount and round after the import took %.1f %% of the import (target ≤ %.0f %%: "
				+ "%s); a curation write's round at the largest park %s p95 (target ≤ %d ms: %s).", size.label(),
				100 * f.importShare(), 100 * TARGET_IMPORT_SHARE, importMet ? "met" : "MISSED", ms(roundP95),
				TARGET_WRITE_EXTRA.toMillis(), writeMet ? "met" : "MISSED"));
		return table;
	}

	/** Alternately links the enterprise to the segment and unlinks it, one GraphQL mutation each. */
	static final class Editor {

		private final Target target;

		private boolean linked;

		Editor(Target target) {
			this.target = target;
		}

		/** One write; returns how long the request took. */
		Duration write(BenchTarget graphQl) {
			long started = System.nanoTime();
			graphQl.graphQl(this.linked ? UNLINK : LINK, Map.of("e", this.target.enterprise(), "n", this.target.segment()),
					true);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			this.linked = !this.linked;
			return elapsed;
		}

	}

	/** Work that throws. */
	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	/**
	 * Runs {@code work} as the caller of an EDITOR token, as the service's token filter leaves the
	 * request for the GraphQL handler.
	 */
	static void asEditor(Work work) throws Exception {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		ApiPrincipal principal = new ApiPrincipal("bench", Role.EDITOR);
		security.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.role().authorities()));
		SecurityContextHolder.setContext(security);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static Target target(Graph graph) {
		Map<String, Object> park = graph.one(LARGEST_PARK, Map.of(), r -> r.asMap())
			.orElseThrow(() -> new IllegalStateException("the dataset has no park"));
		String id = (String) park.get("id");
		return graph
			.one(WRITE_TARGET, Map.of("park", id),
					r -> new Target(id, (Long) park.get("local"), (Long) park.get("chains"), r.get("enterprise").asString(),
							r.get("chain").asString(), r.get("segment").asString()))
			.orElseThrow(() -> new IllegalStateException("the largest park " + id
					+ " has no enterprise, or its focus chains no segment to link it to"));
	}

	static boolean countsReady(BenchDatabase db) {
		return db.bean(Graph.class).one(COUNTS_READY, Map.of(), r -> r.get("ready").asBoolean()).orElse(false);
	}

	/** Waits until the kept gap counts are ready (a recount after an import or a start runs in the background). */
	static void awaitCounts(BenchContext context, BenchDatabase db) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + COUNTS_WAIT.toNanos();
		while (!countsReady(db)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the kept gap counts were not ready after " + COUNTS_WAIT);
			}
			Thread.sleep(100);
		}
		long waited = System.nanoTime() - started;
		if (waited > 100_000_000L) {
			context.log().printf("  waited %.1f s for the kept gap counts%n", waited / 1e9);
		}
	}

	static Duration p95(List<Duration> samples) {
		return Stats.percentile(samples, 95);
	}

	static String ms(Duration duration) {
		return Latency.ms(duration.toNanos() / 1e6) + " ms";
	}

	private static String fmt(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
