package io.chaingraph.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers for batch loaders: every parent gets an answer, missing ones an empty list or null. */
public final class Batches {

	private Batches() {
	}

	public static <P> List<String> ids(List<P> parents, Function<P, String> id) {
		return parents.stream().map(id).distinct().toList();
	}

	public static <P, V> Map<P, List<V>> lists(List<P> parents, Function<P, String> id, Map<String, List<V>> byId) {
		Map<P, List<V>> result = new LinkedHashMap<>();
		for (P parent : parents) {
			result.put(parent, byId.getOrDefault(id.apply(parent), List.of()));
		}
		return result;
	}

	public static <P, V> Map<P, V> singles(List<P> parents, Function<P, String> id, Map<String, V> byId) {
		Map<P, V> result = new LinkedHashMap<>();
		for (P parent : parents) {
			V value = byId.get(id.apply(parent));
			if (value != null) {
				result.put(parent, value);
			}
		}
		return result;
	}

}
