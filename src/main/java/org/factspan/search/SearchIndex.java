package org.factspan.search;

import java.io.IOException;
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
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.factspan.base.StorageUnavailableException;
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

    /** Commit user data: "false" while an instance has the index open, "true" once it closed it cleanly. */
    static final String CLOSED = "closed";
    /** Commit user data: the last audit event of the database the index reflects (see {@link SearchIndexer}). */
    static final String AUDITED = "audited";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);

    private final Directory directory;
    private final Analyzer analyzer = analyzer();
    private final Object lifecycle = new Object();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final boolean existed;
    private final boolean closedCleanly;
    /** Set when the folder could not be opened at start: a temporary in-memory index serves until a restart. */
    private final String fallbackReason;
    /** The last failed write, until a write succeeds again; null while the index is healthy. */
    private volatile Throwable failure;

    @org.springframework.beans.factory.annotation.Autowired
    SearchIndex(SearchProperties properties) throws IOException {
        Directory chosen = null;
        String reason = null;
        boolean found = false;
        boolean clean = false;
        if (!SearchProperties.MEMORY.equals(properties.indexDir())) {
            Path path = Path.of(properties.indexDir());
            try {
                Files.createDirectories(path);
                chosen = FSDirectory.open(path);
                found = DirectoryReader.indexExists(chosen);
                clean = found && "true".equals(commitData(chosen, CLOSED));
                open(chosen);
            } catch (IOException | RuntimeException e) {
                // a read-only or full index folder must not keep Factspan from starting: search runs from memory
                reason = "The search index folder " + path.toAbsolutePath() + " cannot be written (" + e + "); a"
                        + " temporary in-memory index is used. Fix the folder, then restart Factspan.";
                LOG.error(reason);
                closeQuietly();
                chosen = null;
                found = false;
            }
        }
        if (chosen == null) {
            chosen = new ByteBuffersDirectory();
            open(chosen);
        }
        directory = chosen;
        fallbackReason = reason;
        existed = found;
        closedCleanly = clean;
    }

    SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        fallbackReason = null;
        existed = DirectoryReader.indexExists(directory);
        closedCleanly = existed && "true".equals(commitData(directory, CLOSED));
        open(directory);
    }

    /** Opens a writer (and its searchers) on the directory and commits, which proves the directory is writable. */
    private void open(Directory on) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter opened = new IndexWriter(on, config);
        try {
            opened.commit();
            searchers = new SearcherManager(opened, null);
        } catch (IOException | RuntimeException e) {
            opened.rollback();
            throw e;
        }
        writer = opened;
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // it failed already; nothing more to lose
        }
        searchers = null;
        writer = null;
    }

    private static String commitData(Directory directory, String key) {
        try {
            return DirectoryReader.listCommits(directory).getLast().getUserData().get(key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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

    /**
     * True when the instance that last had the index open closed it cleanly; after a crash, a kill or a write that
     * failed, the index may lack changes and is rebuilt at start.
     */
    boolean closedCleanlyLastTime() {
        return closedCleanly;
    }

    /** Why the index cannot be used as configured (only a restart helps), or null. */
    String fallbackReason() {
        return fallbackReason;
    }

    /** The last failed write, or null when the index is healthy. */
    Throwable failure() {
        return failure;
    }

    /** True when the writer was closed by a failure (Lucene closes it on a "tragic" error such as a full disk). */
    boolean writerClosed() {
        IndexWriter w = writer;
        return w == null || !w.isOpen();
    }

    /**
     * After a failed write: opens a new writer when Lucene closed the old one. Throws while the folder still cannot
     * be written. The caller rebuilds the index afterwards (changes may have been lost).
     */
    void reopen() {
        synchronized (lifecycle) {
            if (!writerClosed()) {
                return;
            }
            try {
                SearcherManager old = searchers;
                open(directory);
                if (old != null) {
                    try {
                        old.close();
                    } catch (IOException | RuntimeException ignored) {
                        // its writer is gone already
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    /** Records a failed write and turns it into the exception the API answers 503 for. */
    private StorageUnavailableException failed(Throwable e) {
        failure = e;
        return new StorageUnavailableException("The search index cannot be written: " + e, e);
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
        } catch (IOException | AlreadyClosedException e) {
            throw failed(e);
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
        } catch (IOException | AlreadyClosedException e) {
            throw failed(e);
        }
    }

    void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException | AlreadyClosedException e) {
            throw failed(e);
        }
    }

    /** The database the index was last committed for (see {@link #commit(String)}), or null. */
    String database() {
        return commitData(DATABASE);
    }

    /** The last audit event the index was marked as reflecting (see {@link #markAudited(long)}), or null. */
    String audited() {
        return commitData(AUDITED);
    }

    private String commitData(String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return null;
        }
        for (Map.Entry<String, String> e : data) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Commits and records which database the index now reflects. */
    void commit(String database) {
        Map<String, String> data = new java.util.HashMap<>();
        if (database != null) {
            data.put(DATABASE, database);
        } else if (database() != null) {
            data.put(DATABASE, database());
        }
        if (audited() != null) {
            data.put(AUDITED, audited());
        }
        data.put(CLOSED, "false");
        try {
            writer.setLiveCommitData(data.entrySet());
        } catch (AlreadyClosedException e) {
            throw failed(e);
        }
        commit();
    }

    /** Records (with the next commit or the clean close) up to which audit event the index is known to be current. */
    void markAudited(long lastAuditEvent) {
        Map<String, String> data = new java.util.HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.put(AUDITED, Long.toString(lastAuditEvent));
        try {
            writer.setLiveCommitData(data.entrySet());
        } catch (AlreadyClosedException e) {
            throw failed(e);
        }
    }

    /** Makes every change written so far searchable (near-real-time: no sync to disk; {@link #commit()} does that). */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | AlreadyClosedException e) {
            throw failed(e);
        }
    }

    /** Makes the changes so far durable and visible to new searches; a success clears a recorded failure. */
    void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
            failure = null;
        } catch (IOException | AlreadyClosedException e) {
            throw failed(e);
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
        } catch (IOException | AlreadyClosedException e) {
            throw new StorageUnavailableException("The search index cannot be read: " + e, e);
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
        synchronized (lifecycle) {
            try {
                if (!writerClosed() && failure == null) {
                    Map<String, String> data = new java.util.HashMap<>();
                    if (database() != null) {
                        data.put(DATABASE, database());
                    }
                    if (audited() != null) {
                        data.put(AUDITED, audited());
                    }
                    data.put(CLOSED, "true");
                    writer.setLiveCommitData(data.entrySet());
                    writer.commit();
                }
                searchers.close();
                if (!writerClosed()) {
                    writer.close();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("The search index was not closed cleanly ({}); it is rebuilt at the next start", e.toString());
            } finally {
                directory.close();
            }
        }
    }
}
