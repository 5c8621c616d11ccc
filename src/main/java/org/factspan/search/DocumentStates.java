package org.factspan.search;

import java.util.Map;
import org.factspan.annotation.AnnotatedDocument;

/**
 * Where the search index learns the state of a document per annotator. The default ({@link SpanDocumentStates})
 * derives it from the spans; a workflow that lets annotators finish documents can provide a {@code @Primary} bean
 * that knows {@link DocumentState#FINISHED} (and call {@link SearchService#reindexDocument} when a state changes, and
 * write an audit event naming the document in the transaction of the change: the index catches up from the audit
 * trail after a kill, not from its in-memory queue; decision 024).
 */
public interface DocumentStates {

    /** User name to state for everyone who has started the document; everyone else has not started it. */
    Map<String, DocumentState> of(AnnotatedDocument document);
}
