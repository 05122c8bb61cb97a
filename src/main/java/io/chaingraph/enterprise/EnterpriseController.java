package io.chaingraph.enterprise;

import java.util.List;
import java.util.Map;

import io.chaingraph.common.Batches;
import io.chaingraph.park.Park;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseController {

	private final EnterpriseRepository enterprises;

	EnterpriseController(EnterpriseRepository enterprises) {
		this.enterprises = enterprises;
	}

	@QueryMapping
	Enterprise enterprise(@Argument String id) {
		return this.enterprises.findById(id).orElse(null);
	}

	@BatchMapping
	Map<Enterprise, Park> park(List<Enterprise> enterprises) {
		return Batches.singles(enterprises, Enterprise::id, this.enterprises.parks(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<ChainNodeLink>> chainNodes(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.chainNodes(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<SupplyTie>> suppliers(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.suppliers(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<SupplyTie>> customers(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.customers(ids(enterprises)));
	}

	@BatchMapping
	Map<Enterprise, List<PlatformTie>> platforms(List<Enterprise> enterprises) {
		return Batches.lists(enterprises, Enterprise::id, this.enterprises.platforms(ids(enterprises)));
	}

	private static List<String> ids(List<Enterprise> enterprises) {
		return Batches.ids(enterprises, Enterprise::id);
	}

}
