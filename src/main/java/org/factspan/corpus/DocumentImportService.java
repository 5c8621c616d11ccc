package org.factspan.corpus;

import org.factspan.base.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.Quote;
import org.factspan.base.TooLargeException;
import org.factspan.ingest.Bounded;
import org.factspan.ingest.Fields;
import org.factspan.ingest.ImportLimits;
import org.factspan.ingest.SafeZip;
import org.factspan.ingest.UploadedFile;
import org.factspan.ingest.Utf8;
import org.factspan.ingest.ValidText;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports documents into a project (curators of the project and admins): {@code .txt} (one document, UTF-8, a
 * byte order mark dropped), {@code .jsonl} (one document per line: {@code text}, optional {@code name} and
 * {@code meta}), and {@code .zip} archives of those. The file name's extension chooses the reader, but the content
 * decides: a zip must be a zip, text must be valid UTF-8 without NUL bytes. An import is all or nothing: every file
 * is read and checked first, any problem throws {@link InvalidRequestException} naming the file (and line), and
 * nothing is stored. Texts already in the project, or twice in the import, are reported and skipped.
 * Bytes pass the ingestion module as every upload does: strict UTF-8 ({@link Utf8}), valid text ({@link ValidText}),
 * field lengths ({@link Fields}) and archives read by {@link SafeZip} within {@link ImportLimits}; a refusal for size
 * is a {@link TooLargeException} (413).
 */
@Service
public class DocumentImportService {

    /** A document read from the upload, not stored yet. */
    record Candidate(String source, String name, String text, Map<String, String> meta) {
    }

    private final CorpusService corpus;
    private final AuditLog audit;
    private final ProjectSetupService setup;
    private final DocumentRepository documents;
    private final ImportLimits limits;
    private final JsonMapper json;

    DocumentImportService(CorpusService corpus, ProjectSetupService setup, DocumentRepository documents,
            ImportLimits limits, JsonMapper json, AuditLog audit) {
        this.audit = audit;
        this.corpus = corpus;
        this.setup = setup;
        this.documents = documents;
        this.limits = limits;
        this.json = json;
    }

    public ImportLimits limits() {
        return limits;
    }

    @Transactional
    public ImportReport importFiles(Actor actor, String slug, List<UploadedFile> files) {
        ProjectInfo project = corpus.requireProject(actor, slug).requireCuratedBy(actor, "import documents");
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(slug) + " is archived and read-only");
        }
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("No file to import");
        }
        SafeZip.Budget budget = limits.budget();
        List<Candidate> candidates = new ArrayList<>();
        for (UploadedFile file : files) {
            readUpload(file.name(), file.content(), candidates, budget);
        }
        if (candidates.isEmpty()) {
            throw new InvalidRequestException("The upload holds no document");
        }
        if (candidates.size() > limits.maxDocuments()) {
            throw new InvalidRequestException("The upload holds " + candidates.size() + " documents; at most "
                    + limits.maxDocuments() + " can be imported at once");
        }
        List<ImportReport.Imported> imported = new ArrayList<>();
        List<ImportReport.Duplicate> duplicates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate c : candidates) {
            String sha = ProjectSetupService.sha256(c.text());
            var existing = documents.findRowBySha256(project.id(), sha);
            if (existing.isPresent()) {
                duplicates.add(new ImportReport.Duplicate(c.source(), sha, "document " + existing.get().id() + " ('"
                        + existing.get().name() + "')"));
            } else if (seen.containsKey(sha)) {
                duplicates.add(new ImportReport.Duplicate(c.source(), sha, seen.get(sha) + " in this upload"));
            } else {
                seen.put(sha, c.source());
                fresh.add(c);
            }
        }
        for (Candidate c : fresh) {
            Map<String, String> meta = new LinkedHashMap<>(MetadataExtractor.extract(c.text()));
            meta.putAll(c.meta());
            meta.putIfAbsent("file", c.source());
            String title = meta.getOrDefault("title", c.name());
            meta.put("title", Fields.DOCUMENT_TITLE.truncate(title));
            long id = setup.importDocument(project.id(), c.name(), c.text(), meta);
            imported.add(new ImportReport.Imported(id, c.name(), meta.get("title"), c.text().codePointCount(0,
                    c.text().length()), ProjectSetupService.sha256(c.text())));
            audit.record(new AuditLog.Who(actor.userId(), actor.username()), "document.import",
                    AuditLog.Target.document(project.id(), id), null, Map.of("name", c.name(), "file", c.source(),
                            "sha256", ProjectSetupService.sha256(c.text())));
        }
        return new ImportReport(imported, duplicates);
    }

    // ------------------------------------------------------------------ reading

    private void readUpload(String name, byte[] content, List<Candidate> out, SafeZip.Budget budget) {
        String file = name == null || name.isBlank() ? "(unnamed file)" : name;
        String problem = Fields.DOCUMENT_NAME.problem(file);
        if (problem != null) {
            throw new InvalidRequestException("The file name " + Quote.of(file) + " " + problem + NOTHING);
        }
        if (content.length > limits.maxFileBytes()) {
            throw Bounded.tooLarge(file, limits.maxFileBytes());
        }
        read(file, content, out, budget);
    }

    private void read(String file, byte[] content, List<Candidate> out, SafeZip.Budget budget) {
        boolean zip = SafeZip.looksLikeZip(content);
        String ext = extension(file);
        switch (ext) {
            case "zip" -> {
                if (!zip) {
                    throw bad(file, "is not a zip archive");
                }
                int entries = SafeZip.read(file, content, limits.zip(), budget,
                        (path, bytes) -> read(file + "!" + path, bytes, out, budget));
                if (entries == 0) {
                    throw bad(file, "is an empty zip archive");
                }
            }
            case "txt", "jsonl" -> {
                if (zip) {
                    throw bad(file, "is a zip archive, not text; name it .zip");
                }
                if (ext.equals("txt")) {
                    String text = Utf8.withoutBom(Utf8.decode(content, file));
                    checkText(file, null, text);
                    out.add(new Candidate(file, baseName(file), text, Map.of()));
                } else {
                    readJsonl(file, content, out);
                }
            }
            default -> throw bad(file, "has an unsupported type; upload .txt, .jsonl or .zip files");
        }
    }

    private void readJsonl(String file, byte[] content, List<Candidate> out) {
        List<String> lines = Utf8.lines(content, file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int number = i + 1;
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JacksonException e) {
                throw bad(file, number, "is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw bad(file, number, "is not a JSON object");
            }
            JsonNode text = node.get("text");
            if (text == null || !text.isString()) {
                throw bad(file, number, "has no \"text\" string");
            }
            checkText(file, number, text.asString());
            String name = file.replaceAll("^.*[/!]", "") + ":" + number;
            JsonNode given = node.get("name");
            if (given != null && !given.isNull()) {
                if (!given.isString() || given.asString().isBlank()) {
                    throw bad(file, number, "has a \"name\" that is not a string of 1 to "
                            + Fields.DOCUMENT_NAME.max() + " characters");
                }
                name = checked(file, number, Fields.DOCUMENT_NAME, given.asString());
            }
            Map<String, String> meta = new LinkedHashMap<>();
            JsonNode m = node.get("meta");
            if (m != null && !m.isNull()) {
                if (!m.isObject()) {
                    throw bad(file, number, "has a \"meta\" that is not an object");
                }
                for (var field : m.properties()) {
                    JsonNode v = field.getValue();
                    if (v.isNull()) {
                        continue;
                    }
                    if (!v.isValueNode()) {
                        throw bad(file, number, "has meta " + Quote.of(field.getKey()) + " that is not a string, number"
                                + " or boolean");
                    }
                    meta.put(checked(file, number, Fields.META_KEY, field.getKey()),
                            checked(file, number, Fields.META_VALUE, v.asString()));
                }
            }
            out.add(new Candidate(file + ", line " + number, name, text.asString(), meta));
        }
    }

    /** The value of a field of a jsonl line, or a refusal naming file, line, field and limit. */
    private static String checked(String file, int line, Fields.Field field, String value) {
        String problem = field.problem(value);
        if (problem != null) {
            throw bad(file, line, "has a \"" + field.name() + "\" that " + problem);
        }
        return value;
    }

    private void checkText(String file, Integer line, String text) {
        if (text.isBlank()) {
            throw line == null ? bad(file, "has no text (empty or only white space)")
                    : bad(file, line, "has an empty \"text\"");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxDocumentBytes()) {
            String what = "has a text of " + bytes + " bytes; a document may have at most " + limits.maxDocumentBytes();
            throw new TooLargeException((line == null ? file : file + ", line " + line) + ": " + what + NOTHING);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int at = lineOf(text, nul);
            throw line == null ? bad(file, at, "holds a NUL character: binary data, not text")
                    : bad(file, line, "has a \"text\" with a NUL character");
        }
        int invalid = ValidText.firstInvalid(text);
        if (invalid >= 0) {
            throw line == null ? bad(file, lineOf(text, invalid), ValidText.problem(text))
                    : bad(file, line, "has a \"text\" that " + ValidText.problem(text));
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String extension(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String file) {
        String last = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('!')) + 1);
        return Fields.DOCUMENT_NAME.truncate(last);
    }

    private static final String NOTHING = "; nothing was imported";

    private static InvalidRequestException bad(String file, String what) {
        return new InvalidRequestException(file + ": " + what + NOTHING);
    }

    private static InvalidRequestException bad(String file, int line, String what) {
        return new InvalidRequestException(file + ", line " + line + ": " + what + NOTHING);
    }
}
