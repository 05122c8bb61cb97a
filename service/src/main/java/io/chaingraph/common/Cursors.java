package io.chaingraph.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The cursors of every paginated list. A cursor is a keyset position (Spring Data's
 * {@link KeysetScrollPosition}): the sort keys of the item it stands for, plus the name of the list it
 * belongs to, so that a cursor of one list is refused by another. Spring for GraphQL turns positions into
 * cursors and back ({@link ScrollPositionCursorStrategy}: the keys as JSON, then {@link CursorEncoder#base64()})
 * and decodes the {@code after} argument into a {@link ScrollSubrange} for the controllers; this class only
 * adds the list name and reads the keys back with their types.
 */
@Component
public class Cursors {

	/** The start of the message of a refused {@code after} argument. */
	public static final String NOT_A_CURSOR = "after is not a cursor returned by this API: ";

	private static final String LIST = "list";

	private final CursorStrategy<ScrollPosition> strategy;

	Cursors(CursorStrategy<ScrollPosition> strategy) {
		this.strategy = strategy;
	}

	/**
	 * The strategy behind every cursor (Spring for GraphQL's keyset strategy with its Base64 encoder), whose
	 * failures to decode a cursor are client errors naming the cursor. Declared as the
	 * {@code CursorStrategy} bean, so the {@link ScrollSubrange} arguments of controllers use it too.
	 */
	public static EncodingCursorStrategy<ScrollPosition> strategy() {
		return CursorStrategy.withEncoder(new Refusing(new ScrollPositionCursorStrategy()), new RefusingBase64());
	}

	/**
	 * The cursor of one item of {@code list}.
	 * @param keys the item's sort keys as name, value pairs, in sort order (strings and numbers)
	 */
	public String cursor(String list, Object... keys) {
		Map<String, Object> position = new LinkedHashMap<>();
		position.put(LIST, list);
		for (int i = 0; i < keys.length; i += 2) {
			position.put((String) keys[i], keys[i + 1]);
		}
		return this.strategy.toCursor(ScrollPosition.forward(position));
	}

	/**
	 * The position the {@code after} argument names, or null when there is none (or no range).
	 * @throws IllegalArgumentException when the cursor belongs to another list or is not a keyset position
	 */
	public Position after(String list, ScrollSubrange range) {
		ScrollPosition position = (range != null) ? range.position().orElse(null) : null;
		if (position == null) {
			return null;
		}
		String cursor = this.strategy.toCursor(position);
		if (!(position instanceof KeysetScrollPosition keyset) || keyset.scrollsBackward()) {
			throw new IllegalArgumentException(NOT_A_CURSOR + cursor);
		}
		Object owner = keyset.getKeys().get(LIST);
		if (!list.equals(owner)) {
			throw new IllegalArgumentException((owner instanceof String other)
					? "after is a cursor of " + other + ", not of " + list + ": " + cursor : NOT_A_CURSOR + cursor);
		}
		return new Position(cursor, keyset.getKeys());
	}

	/** The sort keys of a decoded cursor; a key that is missing or of another type refuses the cursor. */
	public record Position(String cursor, Map<String, Object> keys) {

		public String string(String key) {
			if (this.keys.get(key) instanceof String value) {
				return value;
			}
			throw new IllegalArgumentException(NOT_A_CURSOR + this.cursor);
		}

		public double number(String key) {
			if (this.keys.get(key) instanceof Number value) {
				return value.doubleValue();
			}
			throw new IllegalArgumentException(NOT_A_CURSOR + this.cursor);
		}

	}

	/** Base64 whose decoding failure names the cursor. */
	private static final class RefusingBase64 implements CursorEncoder {

		private final CursorEncoder base64 = CursorEncoder.base64();

		@Override
		public String encode(String cursor) {
			return this.base64.encode(cursor);
		}

		@Override
		public String decode(String cursor) {
			try {
				return this.base64.decode(cursor);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(NOT_A_CURSOR + cursor, ex);
			}
		}

	}

	/**
	 * The library's position strategy whose failure to read a decoded cursor names the cursor as the client
	 * sent it (encoded again: the Base64 of the text it decoded to).
	 */
	private record Refusing(CursorStrategy<ScrollPosition> delegate) implements CursorStrategy<ScrollPosition> {

		@Override
		public boolean supports(Class<?> targetType) {
			return this.delegate.supports(targetType);
		}

		@Override
		public String toCursor(ScrollPosition position) {
			return this.delegate.toCursor(position);
		}

		@Override
		public ScrollPosition fromCursor(String cursor) {
			try {
				return this.delegate.fromCursor(cursor);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(NOT_A_CURSOR + CursorEncoder.base64().encode(cursor), ex);
			}
		}

	}

}
