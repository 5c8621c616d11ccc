package org.factspan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index: one Lucene document per Factspan document (its full text) and one per span (its text, label,
 * annotator, attribute values). Offsets in the index are UTF-16 (Lucene's); callers convert to code points.
 * One {@link IndexWriter} for the life of the application; searchers come from a {@link SearcherManager}.
 */
@Component
class SearchIndex implements DisposableBean {

    // Field names.
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String PROJECT = "project";
    static final String DOC = "doc";
    static final String ORDER = "order";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String NOTES = "notes";
    static final String SPAN = "span";
    static final String LABEL = "label";
    static final String ANNOTATOR = "annotator";
    static final String ATTR = "attr";
    static final String START = "start";
    static final String END = "end";
    static final String STATE = "state";
    static final String SHA = "sha";
    /** Commit user data: which database the index was built from. */
    static final String DATABASE = "database";

    static final String TYPE_DOC = "doc";
    static final String TYPE_SPAN = "span";
    /** The state token of the whole document: {@code *:IN_PROGRESS}. */
    static final String ALL_ANNOTATORS = "*";

    /** Tokenized, stored, with positions and offsets (so that matches can be shown in context). */
    static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT_WITH_OFFSETS = type;
    }

    /** A span as indexed; offsets are code points. */
    record IndexedSpan(long id, String label, String annotator, int start, int end, String text,
            Map<String, String> attributes, List<String> notes) {
    }

    /** A document with its spans as indexed; {@code states} maps user name to state. */
    record IndexedDocument(long projectId, long documentId, int order, String title, String text, String sha256,
            Map<String, DocumentState> states, List<IndexedSpan> spans) {
    }

    private final Directory directory;
    private final Analyzer analyzer = analyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existed;

    @org.springframework.beans.factory.annotation.Autowired
    SearchIndex(SearchProperties properties) throws IOException {
        if (SearchProperties.MEMORY.equals(properties.indexDir())) {
            directory = new ByteBuffersDirectory();
        } else {
            Path path = Path.of(properties.indexDir());
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        }
        existed = DirectoryReader.indexExists(directory);
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        existed = DirectoryReader.indexExists(directory);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    /**
     * Lower case, ASCII folding and the Porter stemmer over Lucene's standard (Unicode word break) tokenizer: "killed"
     * finds "kill" and "Almaty" finds "almaty"; built by hand so that no analysis SPI lookup is involved.
     */
    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new ASCIIFoldingFilter(stream);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    Analyzer analyzerInUse() {
        return analyzer;
    }

    /** True when the index held documents before this start (else it is built at start). */
    boolean existedAtStart() {
        return existed;
    }

    /** Replaces everything indexed for one document (its text and all its spans) in one atomic step. */
    void put(IndexedDocument doc) {
        List<Document> block = new ArrayList<>();
        Document d = new Document();
        d.add(new StringField(KEY, "d" + doc.documentId(), Field.Store.YES));
        d.add(new StringField(TYPE, TYPE_DOC, Field.Store.YES));
        common(d, doc);
        d.add(new NumericDocValuesField(START, 0));
        d.add(new StringField(SHA, doc.sha256(), Field.Store.YES));
        d.add(new Field(TEXT, doc.text(), TEXT_WITH_OFFSETS));
        d.add(new StringField(STATE, ALL_ANNOTATORS + ":" + DocumentState.overall(doc.states().values()),
                Field.Store.YES));
        doc.states().forEach((user, state) -> d.add(new StringField(STATE, user + ":" + state, Field.Store.YES)));
        block.add(d);
        for (IndexedSpan s : doc.spans()) {
            Document sd = new Document();
            sd.add(new StringField(KEY, "s" + s.id(), Field.Store.YES));
            sd.add(new StringField(TYPE, TYPE_SPAN, Field.Store.YES));
            common(sd, doc);
            sd.add(new StoredField(SPAN, s.id()));
            sd.add(new StringField(LABEL, s.label(), Field.Store.YES));
            sd.add(new StringField(ANNOTATOR, s.annotator(), Field.Store.YES));
            sd.add(new StoredField(START, s.start()));
            sd.add(new StoredField(END, s.end()));
            sd.add(new NumericDocValuesField(START, s.start()));
            sd.add(new Field(TEXT, s.text(), TEXT_WITH_OFFSETS));
            s.attributes().forEach((name, value) -> sd.add(new StringField(ATTR, name + "=" + value, Field.Store.YES)));
            for (String note : s.notes()) {
                sd.add(new TextField(NOTES, note, Field.Store.NO));
            }
            block.add(sd);
        }
        try {
            writer.updateDocuments(new Term(DOC, Long.toString(doc.documentId())), block);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void common(Document d, IndexedDocument doc) {
        d.add(new StringField(PROJECT, Long.toString(doc.projectId()), Field.Store.YES));
        d.add(new StringField(DOC, Long.toString(doc.documentId()), Field.Store.YES));
        d.add(new StoredField(ORDER, doc.order()));
        d.add(new NumericDocValuesField(ORDER, doc.order()));
        d.add(new StoredField(TITLE, doc.title()));
    }

    void removeDocument(long documentId) {
        try {
            writer.deleteDocuments(new Term(DOC, Long.toString(documentId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database the index was last committed for (see {@link #commit(String)}), or null. */
    String database() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return null;
        }
        for (Map.Entry<String, String> e : data) {
            if (e.getKey().equals(DATABASE)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Commits and records which database the index now reflects. */
    void commit(String database) {
        if (database != null) {
            writer.setLiveCommitData(Map.of(DATABASE, database).entrySet());
        }
        commit();
    }

    /** Makes the changes so far durable and visible to new searches. */
    void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a read against a current searcher. */
    <T> T read(IndexRead<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The documents of a project in the index: id to SHA-256 of the text. */
    Map<Long, String> documents(long projectId) {
        return read(searcher -> {
            var query = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PROJECT, Long.toString(projectId))),
                            org.apache.lucene.search.BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(TYPE, TYPE_DOC)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                    .build();
            Map<Long, String> ids = new java.util.HashMap<>();
            var stored = searcher.storedFields();
            for (var hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
                Document d = stored.document(hit.doc, Set.of(DOC, SHA));
                ids.put(Long.parseLong(d.get(DOC)), d.get(SHA));
            }
            return ids;
        });
    }

    int documentCount() {
        return read(searcher -> searcher.count(new TermQuery(new Term(TYPE, TYPE_DOC))));
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
