package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.factspan.export.ExportDocument;

/**
 * One import format: reads documents back, or fails with a {@link FormatException} that names the line. It describes
 * itself: what a file carries back ({@link #keeps()}; the round-trip tests hold every format to it) and where each
 * document was in the file ({@link #places}), so the import needs no switch on format ids.
 */
public interface ImportFormat {

    String id();

    List<ExportDocument> read(InputStream in) throws IOException;

    /** What a file of this format carries besides text, offsets, labels and attributions. */
    enum Keeps {
        /** Span and attribution owners (annotator, provenance). */
        OWNERS,
        /** Span attributes. */
        ATTRIBUTES,
        /** Document metadata. */
        META,
        /** Document ids and names: an import finds the project's documents by id; without, by name and text. */
        IDS
    }

    /** Everything, unless the format says otherwise. */
    default Set<Keeps> keeps() {
        return EnumSet.allOf(Keeps.class);
    }

    /** Whether documents read keep the ids they were exported with ({@link Keeps#IDS}). */
    default boolean keepsIds() {
        return keeps().contains(Keeps.IDS);
    }

    /**
     * Where each document read from {@code content} was in the file, for messages ("line 3", "a.ann"), in the order
     * {@link #read} returned them; by default "document 1", "document 2"...
     */
    default List<String> places(byte[] content, List<ExportDocument> docs) {
        return numbered("document", docs.size());
    }

    /** "{@code what} 1", "{@code what} 2"... */
    static List<String> numbered(String what, int count) {
        List<String> places = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            places.add(what + " " + (i + 1));
        }
        return places;
    }

    /** For formats with one document per non-blank line: "line 1", "line 3"... */
    static List<String> nonBlankLines(byte[] content) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        List<String> places = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                places.add("line " + (i + 1));
            }
        }
        return places;
    }
}
