package org.factspan.export.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.factspan.export.ExportAttribution;

/**
 * Attributions (source, cue, content) as binary relations, for the formats that only know binary relations
 * (doccano, Label Studio, brat). With a cue: {@code cue -source-> source} (when there is a source) followed by
 * {@code cue -content-> content}. Without a cue: {@code source -said-> content}. Reading pairs a {@code content}
 * relation with the {@code source} relation of the same cue right before it, else with the cue's only source.
 */
final class Triples {

    static final String SOURCE = "source";
    static final String CONTENT = "content";
    static final String SAID = "said";
    static final List<String> TYPES = List.of(SOURCE, CONTENT, SAID);

    /** A binary relation between two spans, by span id. */
    record Relation(long from, long to, String type) {
    }

    private Triples() {
    }

    static List<Relation> encode(ExportAttribution a) {
        List<Relation> out = new ArrayList<>(2);
        if (a.cue() == null && a.source() == null) {
            return out; // a content-only attribution has no binary relation; writers count it as dropped
        }
        if (a.cue() == null) {
            out.add(new Relation(a.source(), a.content(), SAID));
        } else {
            if (a.source() != null) {
                out.add(new Relation(a.cue(), a.source(), SOURCE));
            }
            out.add(new Relation(a.cue(), a.content(), CONTENT));
        }
        return out;
    }

    /**
     * Rebuilds attributions from relations in their order; ids are numbered from 1; {@code owner} gives the
     * annotator and provenance of an attribution from its content span id (formats without them return nulls).
     * A {@code source} relation that no {@code content} relation uses is dropped.
     */
    static List<ExportAttribution> decode(List<Relation> relations, LongFunction<String[]> owner) {
        Map<Long, Set<Long>> sourcesOfCue = new HashMap<>();
        for (Relation r : relations) {
            if (r.type().equals(SOURCE)) {
                sourcesOfCue.computeIfAbsent(r.from(), k -> new LinkedHashSet<>()).add(r.to());
            }
        }
        List<ExportAttribution> out = new ArrayList<>();
        Relation previous = null;
        for (Relation r : relations) {
            Long source = null;
            Long cue = null;
            if (r.type().equals(SAID)) {
                source = r.from();
            } else if (r.type().equals(CONTENT)) {
                cue = r.from();
                if (previous != null && previous.type().equals(SOURCE) && previous.from() == r.from()) {
                    source = previous.to();
                } else {
                    Set<Long> sources = sourcesOfCue.getOrDefault(cue, Set.of());
                    source = sources.size() == 1 ? sources.iterator().next() : null;
                }
            }
            if (r.type().equals(SAID) || r.type().equals(CONTENT)) {
                String[] who = owner.apply(r.to());
                out.add(new ExportAttribution(out.size() + 1, source, cue, r.to(), who[0], who[1]));
            }
            previous = r;
        }
        return out;
    }
}
