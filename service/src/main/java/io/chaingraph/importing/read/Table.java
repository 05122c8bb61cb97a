package io.chaingraph.importing.read;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.chaingraph.dataset.Problem;
import io.chaingraph.importing.read.DatasetReader.RawRow;

/**
 * Rows of a format v1 file that come from files of another layout (the enterprise sheets of
 * workbooks and of CSV files: io.chaingraph.importing.sheet), read anew on every pass like a file.
 * Each row names where it comes from ({@link RawRow#file()}), so problems point at the workbook,
 * sheet and row.
 */
public interface Table {

	/** How the table is shown in the summary, e.g. {@code 企业名录.xlsx:企业}. */
	String name();

	/** The format v1 file whose rows it gives ({@code enterprises}, {@code enterprise_nodes}). */
	String baseName();

	/**
	 * Its columns (format v1 names). A row's value is null for a column its own sheet does not have,
	 * "" for an empty cell.
	 */
	List<String> header();

	/** The files of the source it reads: only checksummed by the reader, not read as format v1. */
	Set<String> files();

	/**
	 * Reads every row once, reporting what is wrong with the files and rows; returns the number of
	 * rows it gives, or -1 when it cannot be read at all.
	 */
	int check(List<Problem> problems);

	/** Hands over the rows that {@link #check} found well-formed, in order. */
	void rows(Consumer<RawRow> each);

}
