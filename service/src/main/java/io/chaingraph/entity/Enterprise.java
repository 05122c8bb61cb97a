package io.chaingraph.entity;

import java.util.List;

import io.chaingraph.common.Props;
import org.neo4j.driver.types.MapAccessor;

/** An enterprise node (flat). {@code revenue} is in 亿元. */
public record Enterprise(String id, String name, List<String> aliases, String creditCode, String region,
		List<String> tags, Integer founded, Integer employees, Double revenue, String description, String source,
		int version, String stockCode, String registeredCapital, String legalRepresentative, String industry,
		String address, String businessScope) {

	public static Enterprise from(MapAccessor node) {
		return new Enterprise(Props.str(node, "id"), Props.str(node, "name"), Props.strings(node, "aliases"),
				Props.str(node, "creditCode"), Props.str(node, "region"), Props.strings(node, "tags"),
				Props.integer(node, "founded"), Props.integer(node, "employees"), Props.dbl(node, "revenue"),
				Props.str(node, "description"), Props.str(node, "source"), Props.version(node),
				Props.str(node, "stockCode"), Props.str(node, "registeredCapital"),
				Props.str(node, "legalRepresentative"), Props.str(node, "industry"), Props.str(node, "address"),
				Props.str(node, "businessScope"));
	}

}
