package org.factspan.curation;

import java.util.List;
import org.factspan.base.ConflictException;

/**
 * Marking a document curated was refused because places are still open (decision 023): a 409 that names each one.
 * The curator may settle them, or mark it curated anyway with the override, which the audit trail records.
 */
public class OpenPlacesException extends ConflictException {

    private final transient List<Disagreement> places;

    OpenPlacesException(long documentId, List<Disagreement> places) {
        super("Document " + documentId + " still has " + (places.size() == 1 ? "1 open place"
                : places.size() + " open places") + " (" + places.stream().limit(5)
                        .map(p -> p.kind().words() + " at " + p.start() + "–" + p.end() + " “" + p.text() + "”")
                        .reduce((a, b) -> a + "; " + b).orElse("") + (places.size() > 5 ? "; …" : "")
                + "). Settle them first, or mark it curated anyway with the override (it is recorded).");
        this.places = List.copyOf(places);
    }

    /** The open places, in document order. */
    public List<Disagreement> places() {
        return places;
    }
}
