package io.chaingraph.importing.load;

/** What one import did with one file. */
public record FileSummary(String file, int rows, long nodesCreated, long nodesUpdated, long nodesUnchanged,
		long relsCreated, long relsUpdated, long relsUnchanged, long relsRemoved) {

	public FileSummary plus(FileSummary other) {
		return new FileSummary(this.file, Math.max(this.rows, other.rows), this.nodesCreated + other.nodesCreated,
				this.nodesUpdated + other.nodesUpdated, this.nodesUnchanged + other.nodesUnchanged,
				this.relsCreated + other.relsCreated, this.relsUpdated + other.relsUpdated,
				this.relsUnchanged + other.relsUnchanged, this.relsRemoved + other.relsRemoved);
	}

	/** True when the file changed nothing in the graph. */
	public boolean unchanged() {
		return this.nodesCreated + this.nodesUpdated + this.relsCreated + this.relsUpdated + this.relsRemoved == 0;
	}

}
