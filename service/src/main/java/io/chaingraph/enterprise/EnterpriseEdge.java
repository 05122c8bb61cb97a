package io.chaingraph.enterprise;

import io.chaingraph.common.KeysetPage;
import io.chaingraph.entity.Enterprise;

/** One enterprise in a connection; weight and confidence are set for a chain segment's enterprises. */
public record EnterpriseEdge(String cursor, Enterprise node, Double weight, Double confidence) {

	public static EnterpriseEdge of(Enterprise enterprise, Double weight, Double confidence) {
		return new EnterpriseEdge(KeysetPage.cursor(enterprise.name(), enterprise.id()), enterprise, weight, confidence);
	}

}
