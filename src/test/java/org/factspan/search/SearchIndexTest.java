package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: it survives a restart, remembers which database it reflects, and replaces per document. */
class SearchIndexTest {

    static SearchIndex.IndexedDocument doc(long id, String text, String sha, String... spanTexts) {
        List<SearchIndex.IndexedSpan> spans = new java.util.ArrayList<>();
        for (int i = 0; i < spanTexts.length; i++) {
            int start = text.indexOf(spanTexts[i]);
            spans.add(new SearchIndex.IndexedSpan(100 * id + i, "SOURCE", "ann", start, start + spanTexts[i].length(),
                    spanTexts[i], Map.of(), List.of()));
        }
        return new SearchIndex.IndexedDocument(7, id, (int) id, "Doc " + id, text, sha,
                Map.of("ann", DocumentState.IN_PROGRESS), spans);
    }

    static int spans(SearchIndex index) {
        return index.read(s -> s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(SearchIndex.TYPE, SearchIndex.TYPE_SPAN))));
    }

    @Test
    void survivesARestartAndRemembersItsDatabase(@TempDir Path dir) throws Exception {
        SearchProperties properties = new SearchProperties(dir.resolve("index").toString(), Duration.ofSeconds(1));
        SearchIndex first = new SearchIndex(properties);
        assertThat(first.existedAtStart()).isFalse();
        first.put(doc(1, "Police said so.", "sha-1", "Police"));
        first.put(doc(2, "Tokayev told AFP.", "sha-2", "Tokayev", "AFP"));
        first.commit("db-a");
        assertThat(spans(first)).isEqualTo(3);
        first.destroy();
        assertThat(Files.list(dir.resolve("index"))).isNotEmpty();

        SearchIndex again = new SearchIndex(properties);
        assertThat(again.existedAtStart()).isTrue();
        assertThat(again.database()).isEqualTo("db-a");
        assertThat(again.documents(7)).isEqualTo(Map.of(1L, "sha-1", 2L, "sha-2"));
        assertThat(again.documentCount()).isEqualTo(2);
        // a document is replaced with all its spans at once
        again.put(doc(2, "Tokayev told AFP.", "sha-2", "Tokayev"));
        again.removeDocument(1);
        again.commit();
        assertThat(again.documents(7)).isEqualTo(Map.of(2L, "sha-2"));
        assertThat(spans(again)).isEqualTo(1);
        again.destroy();
    }

    @Test
    void inMemoryIndexesStartEmpty() throws Exception {
        SearchIndex memory = new SearchIndex(new SearchProperties(SearchProperties.MEMORY, null));
        assertThat(memory.existedAtStart()).isFalse();
        assertThat(memory.database()).isNull();
        assertThat(memory.documentCount()).isZero();
        memory.destroy();
    }

    @Test
    void contextIsCutAtWhiteSpaceAndMarksEveryMatch() {
        String text = "word ".repeat(40) + "Police said two people were arrested. " + "tail ".repeat(40);
        int s = text.indexOf("Police");
        int t = text.indexOf("people");
        SearchService.Context c = SearchService.context(text, s, s + 6, List.of(new int[] {s, s + 6},
                new int[] {t, t + 6}));
        assertThat(c.match()).isEqualTo("Police");
        assertThat(c.before()).startsWith("…word").endsWith("word ");
        assertThat(c.after()).startsWith(" said two ").endsWith("tail…");
        assertThat(c.fragments()).filteredOn(SearchHit.Fragment::hit).extracting(SearchHit.Fragment::text)
                .containsExactly("Police", "people");
        assertThat(String.join("", c.fragments().stream().map(SearchHit.Fragment::text).toList()))
                .isEqualTo(c.before() + c.match() + c.after());
    }
}
