package org.factspan.export;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.factspan.corpus.ProjectInfo;

/** A permission-checked choice of documents and annotations, made by an {@link AnnotationSets} source. */
public interface ExportSelection {

    ProjectInfo project();

    /** The set's name ({@code all}, a user name, {@code gold}). */
    String set();

    /** The documents, in project order. */
    List<Long> documentIds();

    /** Labels kept; empty for all. */
    Set<String> labels();

    /** Streams the documents in {@link #documentIds()} order, holding only a few at a time; call once. */
    Iterator<ExportDocument> documents();
}
