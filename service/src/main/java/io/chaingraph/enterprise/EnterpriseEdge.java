package io.chaingraph.enterprise;

import io.chaingraph.entity.Enterprise;

/**
 * One enterprise in a connection; weight and confidence are set for a chain segment's enterprises. The
 * cursor is set when the page is put together ({@link EnterpriseConnection#of}).
 */
public record EnterpriseEdge(String cursor, Enterprise node, Double weight, Double confidence) {

	public static EnterpriseEdge of(Enterprise enterprise, Double weight, Double confidence) {
		return new EnterpriseEdge(null, enterprise, weight, confidence);
	}

}
