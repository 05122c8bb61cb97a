package io.chaingraph.support;

import io.chaingraph.config.Graph;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/** A GraphQL test on {@link ChainFixture}, built afresh before each test (a subclass's own set-up runs after). */
public abstract class ChainFixtureTest extends GraphQlTest {

	@Autowired
	protected Graph graph;

	@BeforeEach
	void buildChainFixture() {
		ChainFixture.build(new Fixtures(this.graph));
	}

}
