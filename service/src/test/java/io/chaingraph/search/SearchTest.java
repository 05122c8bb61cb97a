package io.chaingraph.search;

import java.nio.file.Path;
import java.util.List;

import io.chaingraph.config.Graph;
import io.chaingraph.importing.ImportProgress;
import io.chaingraph.importing.ImportService;
import io.chaingraph.importing.read.DatasetSource;
import io.chaingraph.support.DatasetDir;
import io.chaingraph.support.Fixtures;
import io.chaingraph.support.GraphQlTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search over names stored by the importer (the test dataset names its park 中國基因藥(yào)谷 with the
 * aliases 基因药谷 and Gene Valley, and an enterprise 國技互聯(lián)).
 */
class SearchTest extends GraphQlTest {

	@Autowired
	Graph graph;

	@Autowired
	ImportService imports;

	@TempDir
	Path tmp;

	@BeforeEach
	void load() {
		new Fixtures(this.graph).wipe();
		this.imports.run(DatasetSource.fromDirectory(new DatasetDir(this.tmp.resolve("ds")).write()), false,
				ImportProgress.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "基因藥谷", "基因药谷", "基因藥(yào)谷", "中国基因药谷", "中國基因藥谷", "ＧＥＮＥ valley", "gene", "Gen" })
	void findsTheParkWhateverTheScriptOrNoise(String text) {
		tester().documentName("search").variable("text", text).execute()
			.path("search.edges[0].node.id").entity(String.class).isEqualTo("t-park")
			.path("search.edges[0].node.type").entity(String.class).isEqualTo("Park");
	}

	@Test
	void partialNamesFindEnterprisesAndTypesFilter() {
		tester().documentName("search").variable("text", "国技").execute()
			.path("search.edges[0].node.id").entity(String.class).isEqualTo("t-e1")
			.path("search.edges[0].node.name").entity(String.class).isEqualTo("國技互聯(lián)");
		tester().documentName("search").variable("text", "國技互聯(lián)").execute()
			.path("search.edges[0].node.id").entity(String.class).isEqualTo("t-e1");
		tester().documentName("search").variable("text", "基因").variable("types", List.of("Platform")).execute()
			.path("search.edges[*].node.type").entityList(String.class).containsExactly("Platform");
		tester().documentName("search").variable("text", "不存在的名字xyz").execute()
			.path("search.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void searchIsAConnectionWithPageInfoAndTotal() {
		var all = tester().documentName("search").variable("text", "基因").execute();
		List<String> ids = all.path("search.edges[*].node.id").entityList(String.class).get();
		assertThat(ids).hasSizeGreaterThan(2);
		all.path("search.totalCount").entity(Integer.class).isEqualTo(ids.size());
		all.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> paged = new java.util.ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var page = tester().documentName("search").variable("text", "基因").variable("first", 2).variable("after", after)
				.execute();
			paged.addAll(page.path("search.edges[*].node.id").entityList(String.class).get());
			page.path("search.totalCount").entity(Integer.class).isEqualTo(ids.size());
			page.path("search.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			more = page.path("search.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("search.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(paged).isEqualTo(ids);
		tester().documentName("search").variable("text", "基因").variable("types", List.of("Platform")).execute()
			.path("search.totalCount").entity(Integer.class).isEqualTo(
					tester().documentName("search").variable("text", "基因").variable("types", List.of("Platform"))
						.execute().path("search.edges").entityList(Object.class).get().size());
	}

	@Test
	void pagesWithCursors() {
		List<String> all = tester().documentName("search").variable("text", "基因").execute()
			.path("search.edges[*].node.id").entityList(String.class).get();
		String cursor = tester().documentName("search").variable("text", "基因").variable("first", 1).execute()
			.path("search.edges[0].cursor").entity(String.class).get();
		tester().documentName("search").variable("text", "基因").variable("after", cursor).execute()
			.path("search.edges[*].node.id").entityList(String.class).containsExactly(all.subList(1, all.size()).toArray(String[]::new));
	}

	@Test
	void blankTextAndLuceneSyntaxAreHandled() {
		tester().documentName("search").variable("text", "  ").execute()
			.errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().equals("text must not be blank"));
		tester().documentName("search").variable("text", "AND OR ) ( * ~ \" \\ /").execute().errors().verify();
	}

}
