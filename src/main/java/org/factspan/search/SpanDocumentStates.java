package org.factspan.search;

import java.util.Map;
import java.util.TreeMap;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.SpanInfo;
import org.springframework.stereotype.Component;

/** An annotator with at least one span in a document is {@link DocumentState#IN_PROGRESS} there. */
@Component
class SpanDocumentStates implements DocumentStates {

    @Override
    public Map<String, DocumentState> of(AnnotatedDocument document) {
        Map<String, DocumentState> states = new TreeMap<>();
        for (SpanInfo s : document.spans()) {
            states.put(s.annotator(), DocumentState.IN_PROGRESS);
        }
        return states;
    }
}
