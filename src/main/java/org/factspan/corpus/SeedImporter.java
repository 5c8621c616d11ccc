package org.factspan.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.ingest.Utf8;
import org.factspan.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On start, creates the seed project from {@code seeds/project.json} (inside the jar unless
 * {@code FACTSPAN_SEEDS} names a folder) when no project with its slug exists. Every document is
 * stored byte-for-byte as the file's UTF-8 text; metadata comes from the text and the manifest.
 * The whole seed import is one transaction: it happens completely or not at all.
 */
@Component
@Order(10)
class SeedImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    /** {@code assignAnnotators}: assign every document to every member with the annotator role. */
    record Manifest(String format, String slug, String name, String description, String guidelines,
            List<LabelInfo> labels, List<Member> members, List<Entry> documents, boolean assignAnnotators) {
    }

    record Member(String username, ProjectRole role) {
    }

    record Entry(String file, Map<String, String> meta) {
    }

    private final ResourceLoader resources;
    private final ProjectSetupService setup;
    private final UserService users;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final String location;

    SeedImporter(ResourceLoader resources, ProjectSetupService setup, UserService users, JsonMapper json,
            TransactionTemplate tx, @Value("${factspan.seeds:classpath:seeds/}") String location) {
        this.resources = resources;
        this.setup = setup;
        this.users = users;
        this.json = json;
        this.tx = tx;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource manifestFile = resources.getResource(location + "project.json");
        if (!manifestFile.exists()) {
            log.warn("No seed manifest at {}: no seed project created", location);
            return;
        }
        Manifest manifest;
        try (InputStream in = manifestFile.getInputStream()) {
            manifest = json.readValue(in, Manifest.class);
        }
        if (setup.exists(manifest.slug())) {
            return;
        }
        String guidelines = manifest.guidelines() == null ? null : read(manifest.guidelines());
        Map<String, String> texts = new LinkedHashMap<>();
        for (Entry entry : manifest.documents()) {
            texts.put(entry.file(), read(entry.file()));
        }
        tx.executeWithoutResult(status -> {
            long projectId = setup.createProject(manifest.slug(), manifest.name(), manifest.description(), guidelines,
                    manifest.labels());
            List<Long> annotators = new java.util.ArrayList<>();
            for (Member member : manifest.members() == null ? List.<Member>of() : manifest.members()) {
                users.findUser(member.username()).ifPresent(user -> {
                    setup.addMember(projectId, user.getId(), member.role());
                    if (member.role() == ProjectRole.ANNOTATOR) {
                        annotators.add(user.getId());
                    }
                });
            }
            for (Entry entry : manifest.documents()) {
                String text = texts.get(entry.file());
                Map<String, String> meta = new LinkedHashMap<>(MetadataExtractor.extract(text));
                if (entry.meta() != null) {
                    meta.putAll(entry.meta());
                }
                meta.put("file", entry.file());
                long documentId = setup.importDocument(projectId, entry.file(), text, meta);
                if (manifest.assignAnnotators()) {
                    annotators.forEach(user -> setup.assign(new DocumentId(documentId), user));
                }
            }
        });
        log.info("Seed project '{}' created with {} documents", manifest.slug(), manifest.documents().size());
    }

    private String read(String file) throws IOException {
        try (InputStream in = resources.getResource(location + file).getInputStream()) {
            byte[] bytes = in.readAllBytes();
            try {
                return Utf8.decode(bytes, "Seed file " + file);
            } catch (Utf8.Malformed e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
