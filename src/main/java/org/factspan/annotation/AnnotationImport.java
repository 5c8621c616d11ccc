package org.factspan.annotation;

import java.util.List;
import java.util.Map;

/**
 * Annotations read from a file, to be stored by {@link AnnotationExchangeService#importAnnotations}. Span
 * {@code key}s are the file's span ids (unique per document); attributions refer to them. {@code where} says where
 * in the file the document was (such as {@code line 3}), for error messages.
 */
public final class AnnotationImport {

    private AnnotationImport() {
    }

    /** A document, matched by {@code id} (when given), then by {@code name}, then by the SHA-256 of {@code text}. */
    public record ImportedDocument(Long id, String name, String text, List<ImportedSpan> spans,
            List<ImportedAttribution> attributions, String where) {

        public ImportedDocument {
            spans = List.copyOf(spans);
            attributions = List.copyOf(attributions);
        }
    }

    /** A span; {@code annotator} null means the importing user; {@code text}, when given, must match. */
    public record ImportedSpan(long key, int start, int end, String label, String text, String annotator,
            String provenance, Map<String, String> attributes) {

        public ImportedSpan {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }

    /** A triple by span keys; {@code annotator} null means the annotator of its spans. */
    public record ImportedAttribution(long key, Long source, Long cue, long content, String annotator) {
    }

    /** What was stored. */
    public record Summary(int documents, int spans, int attributions) {
    }
}
