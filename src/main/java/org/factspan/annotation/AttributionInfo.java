package org.factspan.annotation;

/** An attribution triple by span ids; {@code source} and {@code cue} may be null, {@code content} may not. */
public record AttributionInfo(long id, long documentId, Long source, Long cue, long content) {

    public boolean uses(long spanId) {
        return content == spanId || Long.valueOf(spanId).equals(source) || Long.valueOf(spanId).equals(cue);
    }
}
