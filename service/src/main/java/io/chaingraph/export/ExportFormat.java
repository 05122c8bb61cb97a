package io.chaingraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The download formats: file extension, media type, and how a graph is written in it. */
enum ExportFormat {

	GRAPHML("graphml", "application/graphml+xml;charset=UTF-8"),

	GEXF("gexf", "application/gexf+xml;charset=UTF-8"),

	CYJS("cyjs", "application/json"),

	/** Nodes and edges: a zip of nodes.csv and edges.csv; a gap report: one CSV. */
	CSV("csv", "text/csv;charset=UTF-8");

	private final String extension;

	private final String mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	String extension() {
		return this.extension;
	}

	String mediaType() {
		return this.mediaType;
	}

	/** The format named {@code name} (any case); a {@link BadParameterException} naming the allowed ones. */
	static ExportFormat of(String name, ExportFormat... allowed) {
		for (ExportFormat format : allowed) {
			if (format.extension.equalsIgnoreCase(name.strip())) {
				return format;
			}
		}
		throw new BadParameterException("format", "format must be one of "
				+ Arrays.stream(allowed).map(ExportFormat::extension).collect(Collectors.joining(", ")) + ", was '"
				+ name.toLowerCase(Locale.ROOT) + "'");
	}

	void write(ExportGraph graph, OutputStream out) throws IOException {
		switch (this) {
			case GRAPHML -> GraphMlWriter.write(graph, out);
			case GEXF -> GexfWriter.write(graph, out);
			case CYJS -> CytoscapeJsonWriter.write(graph, out);
			case CSV -> CsvWriter.zip(graph, out);
		}
	}

}
