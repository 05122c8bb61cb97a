package io.chaingraph.export;

import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JDK's own XML writer (not whatever StAX implementation a library brings), in UTF-8; it escapes
 * {@code & < > "} itself. Text is passed through {@link #clean} first: a character XML 1.0 does not allow
 * at all (a control character, a lone surrogate) cannot be escaped and would make the file unreadable.
 */
final class Xml {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

	private Xml() {
	}

	static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
		XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
		writer.writeStartDocument("UTF-8", "1.0");
		return writer;
	}

	/** {@code text} with every character XML 1.0 does not allow replaced by U+FFFD. */
	static String clean(String text) {
		StringBuilder cleaned = null;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			int width = Character.charCount(c);
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| (c >= 0x10000 && c <= 0x10FFFF);
			if (!allowed && cleaned == null) {
				cleaned = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (cleaned != null) {
				if (allowed) {
					cleaned.appendCodePoint(c);
				}
				else {
					cleaned.append('\uFFFD');
				}
			}
			i += width;
		}
		return (cleaned != null) ? cleaned.toString() : text;
	}

	static void attribute(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		writer.writeAttribute(name, clean(ExportGraph.text(value)));
	}

}
