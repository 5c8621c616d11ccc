package org.factspan.corpus;

import org.factspan.base.audit.AuditLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
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
 * Archives are read as streams: no file is written, entry names are checked (no absolute paths, no {@code ..}),
 * and the number of entries and the bytes actually unpacked are limited ({@link ImportLimits}).
 */
@Service
public class DocumentImportService {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

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
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (!project.curatedBy(actor)) {
            throw new ForbiddenException("Only curators of project '" + slug + "' and admins import documents");
        }
        if (project.archived()) {
            throw new ConflictException("Project '" + slug + "' is archived and read-only");
        }
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("No file to import");
        }
        long[] budget = {limits.maxTotalBytes()};
        List<Candidate> candidates = new ArrayList<>();
        for (UploadedFile file : files) {
            read(file.name(), file.content(), candidates, budget, false);
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
            meta.put("title", title.length() > 1000 ? title.substring(0, 1000) : title);
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

    private void read(String name, byte[] content, List<Candidate> out, long[] budget, boolean inArchive) {
        String file = name == null || name.isBlank() ? "(unnamed file)" : name;
        if (content.length > limits.maxFileBytes()) {
            throw bad(file, "is larger than " + limits.maxFileBytes() + " bytes");
        }
        boolean zip = startsWith(content, ZIP_MAGIC) || startsWith(content, EMPTY_ZIP_MAGIC);
        String ext = extension(file);
        switch (ext) {
            case "zip" -> {
                if (!zip) {
                    throw bad(file, "is not a zip archive");
                }
                if (inArchive) {
                    throw bad(file, "is an archive inside an archive; nested archives are not read");
                }
                readZip(file, content, out, budget);
            }
            case "txt", "jsonl" -> {
                if (zip) {
                    throw bad(file, "is a zip archive, not text; name it .zip");
                }
                if (ext.equals("txt")) {
                    String text = decode(file, content);
                    checkText(file, null, text);
                    out.add(new Candidate(file, baseName(file), text, Map.of()));
                } else {
                    readJsonl(file, decode(file, content), out);
                }
            }
            default -> throw bad(file, "has an unsupported type; upload .txt, .jsonl or .zip files");
        }
    }

    private void readZip(String file, byte[] content, List<Candidate> out, long[] budget) {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw bad(file, "has more than " + limits.maxZipEntries() + " entries");
                }
                String path = entry.getName();
                checkEntryName(file, path);
                if (entry.isDirectory() || ignored(path)) {
                    continue;
                }
                byte[] bytes = readBounded(zip, Math.min(limits.maxFileBytes(), budget[0]), file + "!" + path);
                budget[0] -= bytes.length;
                read(file + "!" + path, bytes, out, budget, true);
            }
        } catch (ZipException e) {
            throw bad(file, "is a damaged zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw bad(file, "could not be read (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw bad(file, "is an empty zip archive");
        }
    }

    /** Reads at most {@code max} bytes of an entry, counting what is actually inflated (sizes in headers lie). */
    private byte[] readBounded(InputStream in, long max, String where) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw bad(where, max < limits.maxFileBytes()
                        ? "unpacks to more than the " + limits.maxTotalBytes() + " bytes an import may unpack"
                        : "unpacks to more than " + limits.maxFileBytes() + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void checkEntryName(String file, String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || List.of(p.split("/")).contains("..")) {
            throw bad(file, "has an entry with an unsafe path: " + path);
        }
    }

    /** Folders and files that archivers add: macOS resource forks, hidden files. */
    private static boolean ignored(String path) {
        String p = path.replace('\\', '/');
        String last = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("__MACOSX/") || last.startsWith(".");
    }

    private void readJsonl(String file, String content, List<Candidate> out) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
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
                if (!given.isString() || given.asString().isBlank() || given.asString().length() > 255) {
                    throw bad(file, number, "has a \"name\" that is not a string of 1 to 255 characters");
                }
                name = given.asString();
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
                        throw bad(file, number, "has meta \"" + field.getKey() + "\" that is not a string, number or"
                                + " boolean");
                    }
                    meta.put(field.getKey(), v.asString());
                }
            }
            out.add(new Candidate(file + ", line " + number, name, text.asString(), meta));
        }
    }

    private void checkText(String file, Integer line, String text) {
        if (text.isBlank()) {
            throw line == null ? bad(file, "has no text (empty or only white space)")
                    : bad(file, line, "has an empty \"text\"");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxDocumentBytes()) {
            String what = "has a text of " + bytes + " bytes; a document may have at most " + limits.maxDocumentBytes();
            throw line == null ? bad(file, what) : bad(file, line, what);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int at = lineOf(text, nul);
            throw line == null ? bad(file, at, "holds a NUL character: binary data, not text")
                    : bad(file, line, "has a \"text\" with a NUL character");
        }
    }

    /** Strict UTF-8: the first malformed byte is reported with its line; a leading byte order mark is dropped. */
    private static String decode(String file, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw bad(file, line, "is not valid UTF-8 (byte " + (offset + 1) + ")");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String file) {
        String last = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('!')) + 1);
        return last.length() > 255 ? last.substring(0, 255) : last;
    }

    private static InvalidRequestException bad(String file, String what) {
        return new InvalidRequestException(file + ": " + what + "; nothing was imported");
    }

    private static InvalidRequestException bad(String file, int line, String what) {
        return new InvalidRequestException(file + ", line " + line + ": " + what + "; nothing was imported");
    }
}
