package org.factspan.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.factspan.base.audit.AuditEvent;
import org.junit.jupiter.api.Test;

/** The audit trail in words: spans by their text, labels by their titles, never an internal id. */
class HistoryListTest {

    static final Function<String, String> TITLES = name -> Map.of("CLAIM", "Claim", "SOURCE", "Source",
            "ATTRIBUTION", "Attribution").getOrDefault(name, name);

    static AuditEvent event(String user, String action, Long span, Long attribution, String owner, String before,
            String after) {
        return new AuditEvent(1, Instant.parse("2026-12-07T10:15:30Z"), user, action, 3L, 7L, span, attribution, owner,
                before, after);
    }

    static String say(AuditEvent e, Map<Long, String> texts) {
        return HistoryList.sentence(e, HistoryList.texts(List.of(e), texts), TITLES).text();
    }

    @Test
    void spansAreNamedByTheirWordsAndLabelsByTheirTitles() {
        String created = say(event("alice", "span.create", 4012L, null, "alice", null,
                "{\"start\":10,\"end\":66,\"label\":\"CLAIM\",\"text\":\"eight police officers and national guard"
                        + " servicemen were killed\",\"attributes\":{}}"), Map.of());
        assertThat(created).isEqualTo("alice labeled ‘eight police officers and national guard…’ as Claim");

        String linked = say(event("bob", "attribution.create", 30L, 91L, "bob", null,
                "{\"id\":91,\"documentId\":7,\"source\":12,\"cue\":13,\"content\":30}"),
                Map.of(12L, "Tokayev", 13L, "said", 30L, "he had submitted an application to the CSTO for help"));
        assertThat(linked).isEqualTo("bob linked ‘Tokayev’ → ‘said’ → ‘he had submitted an application to the C…’");

        String relabeled = say(event("carol", "span.relabel", 12L, null, "gold", "{\"label\":\"CLAIM\"}",
                "{\"label\":\"SOURCE\",\"attributes\":{}}"), Map.of(12L, "Tokayev"));
        assertThat(relabeled).isEqualTo("carol relabeled ‘Tokayev’ from Claim to Source in the gold standard");

        for (String s : List.of(created, linked, relabeled)) {
            assertThat(s).doesNotContainPattern("\\d{2,}").doesNotContain("{").doesNotContainPattern("\\bid\\b");
        }
    }

    @Test
    void aDeletedSpanIsStillNamedFromTheTrailAndCuratorsSeeTheAttributes() {
        AuditEvent deleted = event("alice", "span.delete", 55L, null, "alice",
                "{\"span\":{\"start\":1,\"end\":9,\"label\":\"CLAIM\",\"text\":\"dozens were killed\","
                        + "\"attributes\":{\"verdict\":\"refuted\"}},\"attributions\":[{\"id\":3}]}", null);
        HistoryList.Sentence s = HistoryList.sentence(deleted, HistoryList.texts(List.of(deleted), Map.of()), TITLES);
        assertThat(s.text()).isEqualTo("alice deleted the Claim ‘dozens were killed’ and its attribution");
        assertThat(s.details()).containsExactly("verdict: refuted → —");

        AuditEvent attribute = event("alice", "span.attribute", 55L, null, "alice", "{\"verdict\":\"unverifiable\"}",
                "{\"verdict\":\"refuted\"}");
        HistoryList.Sentence changed = HistoryList.sentence(attribute, Map.of(55L, "dozens were killed"), TITLES);
        assertThat(changed.text()).isEqualTo("alice changed the verdict of ‘dozens were killed’ from unverifiable to"
                + " refuted");
        assertThat(changed.details()).containsExactly("verdict: unverifiable → refuted");

        AuditEvent restored = event("alice", "span.restore", 55L, null, "alice", null,
                "{\"start\":1,\"end\":9,\"label\":\"CLAIM\",\"text\":\"dozens were killed\",\"attributes\":{}}");
        assertThat(say(restored, Map.of())).isEqualTo("alice brought back ‘dozens were killed’ (Claim, undo or redo)");
    }

    @Test
    void aSpanGoneWithoutTraceAndUnknownActionsStillReadAsWords() {
        assertThat(say(event("bob", "attribution.delete", 30L, 91L, "bob",
                "{\"id\":91,\"documentId\":7,\"source\":null,\"cue\":null,\"content\":30}", null), Map.of()))
                .isEqualTo("bob unlinked no source → no cue → a span deleted since");
        assertThat(say(event("carol", "curation.curated", null, null, "gold", null, "{\"version\":4}"), Map.of()))
                .isEqualTo("carol marked this document curated");
    }
}
