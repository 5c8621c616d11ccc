package org.factspan.corpus;

import java.util.Map;

/**
 * A document in a listing: no text; {@code length} in code points, {@code sha256} of the UTF-8 text, {@code published}
 * when it was published and the zone of its local times (decision 019).
 */
public record DocumentSummary(long id, String name, String title, int length, String sha256, Map<String, String> meta,
        PublicationTime published) {
}
