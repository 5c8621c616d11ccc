package org.factspan.agreement;

import java.util.Objects;

/** A document of an agreement study: its id and its length in code points. */
public record AgreementDocument(String id, int length) {

    public AgreementDocument {
        Objects.requireNonNull(id, "id");
        if (length < 0) {
            throw new IllegalArgumentException("Document " + id + " has negative length " + length);
        }
    }
}
