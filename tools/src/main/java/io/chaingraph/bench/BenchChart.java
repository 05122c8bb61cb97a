package io.chaingraph.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The benchmark's chart (XChart, PNG): left, p50 over HTTP of the fixed-reach queries against the
 * graph size; right, throughput and p99 of the mixed workload against the number of clients.
 */
public final class BenchChart {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 480;

	private BenchChart() {
	}

	/**
	 * @param scaling per query, the p50 in ms on each dataset in the order of {@code enterprises}
	 * @param enterprises the datasets' sizes
	 * @param concurrency the levels measured on the largest dataset (may be empty)
	 */
	public static Path write(Path file, List<Long> enterprises, Map<String, List<Double>> scaling,
			List<ConcurrencyBench.Level> concurrency) throws IOException {
		System.setProperty("java.awt.headless", "true");
		XYChart scale = new XYChartBuilder().width(WIDTH).height(HEIGHT)
			.title("Scaling: p50 over HTTP, fixed reach")
			.xAxisTitle("enterprises in the graph")
			.yAxisTitle("p50 (ms)")
			.build();
		scale.getStyler().setXAxisLogarithmic(enterprises.size() > 1
				&& enterprises.get(enterprises.size() - 1) > 10 * enterprises.get(0));
		scale.getStyler().setYAxisMin(0.0);
		scale.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		scale.getStyler().setMarkerSize(7);
		List<Double> x = enterprises.stream().map(Long::doubleValue).toList();
		scaling.forEach((query, p50s) -> scale.addSeries(query, x, p50s).setMarker(SeriesMarkers.CIRCLE));
		if (scaling.isEmpty()) {
			scale.addSeries("no data", List.of(0.0), List.of(0.0));
		}

		XYChart load = new XYChartBuilder().width(WIDTH).height(HEIGHT)
			.title("Concurrency: mixed reads over HTTP")
			.xAxisTitle("concurrent clients")
			.yAxisTitle("throughput (requests/s)")
			.build();
		load.getStyler().setXAxisLogarithmic(true);
		load.getStyler().setYAxisMin(0.0);
		load.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		load.getStyler().setMarkerSize(7);
		if (!concurrency.isEmpty()) {
			List<Double> clients = new ArrayList<>();
			List<Double> throughput = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			for (ConcurrencyBench.Level level : concurrency) {
				clients.add((double) level.clients());
				throughput.add(level.throughput());
				p99.add(level.latency().p99());
			}
			load.addSeries("throughput (req/s)", clients, throughput).setMarker(SeriesMarkers.CIRCLE);
			load.addSeries("p99 (ms, right axis)", clients, p99).setMarker(SeriesMarkers.SQUARE).setYAxisGroup(1);
			load.setYAxisGroupTitle(1, "p99 (ms)");
			load.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
		}
		else {
			load.addSeries("no data", List.of(1.0), List.of(0.0));
		}

		BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.drawImage(BitmapEncoder.getBufferedImage(scale), 0, 0, null);
			g.drawImage(BitmapEncoder.getBufferedImage(load), WIDTH, 0, null);
		}
		finally {
			g.dispose();
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
