package org.factspan.export.format;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSpan;

/** Consistency checks every reader runs on a document it has read, and small helpers around them. */
final class Checks {

    private Checks() {
    }

    /**
     * Fails unless every span lies inside the text, its {@code text} (when given) equals the text it covers, ids are
     * unique and every attribution refers to spans of the document.
     */
    static void document(ExportDocument doc, String where, int line) {
        CodePoints cp = CodePoints.of(doc.text());
        Set<Long> spanIds = new HashSet<>();
        for (ExportSpan span : doc.spans()) {
            if (!spanIds.add(span.id())) {
                throw new FormatException(where, line, "duplicate span id " + span.id());
            }
            if (span.end() > cp.length()) {
                throw new FormatException(where, line, "span " + span.id() + " (" + span.start() + ".." + span.end()
                        + ") outside the text of " + cp.length() + " code points");
            }
            String covered = cp.substring(span.start(), span.end());
            if (span.text() != null && !span.text().equals(covered)) {
                throw new FormatException(where, line, "span " + span.id() + " text " + Quote.of(span.text())
                        + " differs from the document text at " + span.start() + ".." + span.end() + ": "
                        + Quote.of(covered));
            }
        }
        Set<Long> attributionIds = new HashSet<>();
        for (ExportAttribution a : doc.attributions()) {
            if (!attributionIds.add(a.id())) {
                throw new FormatException(where, line, "duplicate attribution id " + a.id());
            }
            for (Long ref : new Long[] {a.source(), a.cue(), a.content()}) {
                if (ref != null && !spanIds.contains(ref)) {
                    throw new FormatException(where, line, "attribution " + a.id() + " refers to unknown span " + ref);
                }
            }
        }
    }

    /** Runs a record constructor and turns its refusal into a {@link FormatException} with the line. */
    static <T> T build(String where, int line, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new FormatException(where, line, e.getMessage());
        }
    }
}
