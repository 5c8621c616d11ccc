package org.factspan.claims;

import java.time.ZoneId;
import org.factspan.base.CodePoints;
import org.factspan.corpus.PublicationTime;

/** Reference times of claims in documents (decision 019): {@link TimeExpressions} over a document's text and time. */
public final class ClaimTimes {

    private ClaimTimes() {
    }

    /** The publication time as a reference time in the document's zone; null when it is unknown. */
    public static ReferenceTime publication(PublicationTime p) {
        if (p == null || !p.known()) {
            return null;
        }
        return new ReferenceTime(p.from(), p.to(), p.zoneId(), p.expression(), ReferenceTime.Basis.PUBLICATION);
    }

    /** The zone a document's times are read in. */
    public static ZoneId zone(PublicationTime p) {
        return p == null ? java.time.ZoneOffset.UTC : p.zoneId();
    }

    /**
     * The reference time of the claim at code points {@code [start, end)} of a document: what a curator typed for it
     * ({@code override}, null when none; words that cannot be placed make it unknown), else its words, else the
     * publication time.
     */
    public static ReferenceTime of(CodePoints text, int start, int end, PublicationTime published, String override) {
        ZoneId zone = zone(published);
        ReferenceTime anchor = publication(published);
        if (override != null) {
            ReferenceTime set = TimeExpressions.parse(override, anchor, zone);
            return set != null ? set : new ReferenceTime(null, null, zone, override, ReferenceTime.Basis.CURATOR);
        }
        return TimeExpressions.referenceTime(text.text(), text.toUtf16(start), text.toUtf16(end), anchor, zone);
    }
}
