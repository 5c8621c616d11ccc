package org.factspan.annotation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every annotator's spans and attribution triples in (some documents of) one project, as curators and admins read
 * them for agreement and curation. Offsets are code points, end exclusive; span and attribution ids are the stored
 * ids, so that a triple's {@code source}, {@code cue} and {@code content} refer to spans in {@link #spans()}.
 */
public record ProjectAnnotations(List<AnnotatedSpan> spans, List<AnnotatedAttribution> attributions) {

    /** One annotator's span. */
    public record AnnotatedSpan(long id, long documentId, String annotator, int start, int end, String label) {
    }

    /** One annotator's attribution triple by span ids; {@code source} and {@code cue} may be null. */
    public record AnnotatedAttribution(long id, long documentId, String annotator, Long source, Long cue,
            long content) {
    }

    public ProjectAnnotations {
        spans = List.copyOf(spans);
        attributions = List.copyOf(attributions);
    }

    /** The names of everyone with at least one span here, sorted. */
    public Set<String> annotators() {
        TreeSet<String> names = new TreeSet<>();
        spans.forEach(s -> names.add(s.annotator()));
        return names;
    }
}
