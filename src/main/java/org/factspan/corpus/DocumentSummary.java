package org.factspan.corpus;

import java.util.Map;

/** A document in a listing: no text; {@code length} in code points, {@code sha256} of the UTF-8 text. */
public record DocumentSummary(long id, String name, String title, int length, String sha256, Map<String, String> meta) {
}
