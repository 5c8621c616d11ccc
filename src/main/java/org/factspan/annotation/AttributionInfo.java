package org.factspan.annotation;

/**
 * An attribution triple by span ids; {@code source} or {@code cue} may be null (not both, for triples made since
 * migration V9: decision 016), {@code content} may not.
 */
public record AttributionInfo(long id, long documentId, Long source, Long cue, long content) {

    public boolean uses(long spanId) {
        return content == spanId || Long.valueOf(spanId).equals(source) || Long.valueOf(spanId).equals(cue);
    }
}
