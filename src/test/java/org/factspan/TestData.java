package org.factspan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.CodePoints;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSettings;
import org.factspan.corpus.ProjectSpec;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.springframework.stereotype.Component;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;

/**
 * The one place tests make their data (decision 028, "One test-data builder"): projects (the seed schema or a given
 * one), documents (copies of seed articles or given texts), users, members, assignments, finished documents, spans and
 * attributions. Every call into the services for that is in this class, so a changed service signature is adapted
 * here once. A test asks for the bean and describes what it needs:
 *
 * <pre>
 * FreshProject p = data.project("search-" + tag).labels(...).document("d1.txt", D1)
 *         .annotator("ann-" + tag).curator("cur-" + tag).build();
 * SpanInfo claim = p.label(p.annotator, "d1.txt", "prices would fall", "CLAIM");
 * </pre>
 *
 * {@link #fresh} is the common case: a copy of the seed project (schema and all five articles) with a fresh curator
 * and two annotators. Projects are created as the admin through {@link ProjectAdminService#create} (the schema is
 * checked as a user's would be); users, members, documents, assignments and finishing go through
 * {@link ProjectSetupService} and {@link UserService#create}, which check nothing, as the seed import does.
 */
@Component
public class TestData {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final ProjectSetupService setup;
    private final ProjectAdminService projects;
    private final CorpusService corpus;
    private final UserService users;
    private final AnnotationService annotations;

    TestData(ProjectSetupService setup, ProjectAdminService projects, CorpusService corpus, UserService users,
            AnnotationService annotations) {
        this.setup = setup;
        this.projects = projects;
        this.corpus = corpus;
        this.users = users;
        this.annotations = annotations;
    }

    /** A short tag unique in this run: base 36 of the clock's nanoseconds. */
    public static String tag() {
        return Long.toString(System.nanoTime(), 36);
    }

    /** Three labels without attributes or letters: CLAIM (key 1), SOURCE (2), ATTRIBUTION (3, the cue). */
    public static List<LabelInfo> claimSourceCue() {
        return List.of(new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE));
    }

    /** One label, CLAIM (key 1). */
    public static List<LabelInfo> claimOnly() {
        return List.of(new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT));
    }

    public Actor admin() {
        return actor("admin");
    }

    public Actor actor(String username) {
        return users.findActor(username).orElseThrow(() -> new IllegalArgumentException("No user " + username));
    }

    /** A new user in no project. */
    public Actor user(String username, String displayName, String password, Role role) {
        users.create(username, displayName, password, role);
        return actor(username);
    }

    /** The user, created first if there is none of that name (for fixed names shared by a class's tests). */
    public Actor userOnce(String username, String displayName, String password, Role role) {
        if (users.findActor(username).isEmpty()) {
            users.create(username, displayName, password, role);
        }
        return actor(username);
    }

    /** The seed project's schema, each label as it is there. */
    public List<LabelInfo> seedLabels() {
        return seed().labels();
    }

    /**
     * A copy of the seed project (schema, description, guidelines and all five articles) under a unique slug
     * {@code fresh-<prefix>...}, with a fresh curator and two annotators (password {@link TestUsers#DEMO_PASSWORD}).
     */
    public FreshProject fresh(String prefix) {
        return fresh(prefix, Map.of());
    }

    /**
     * As {@link #fresh(String)}, with the seed labels renamed ({@code CLAIM} to {@code STATEMENT}, say); each label
     * keeps its role, key, colour and attributes.
     */
    public FreshProject fresh(String prefix, Map<String, String> renamed) {
        ProjectInfo seed = seed();
        String tag = prefix + NEXT.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        String lower = tag.toLowerCase(Locale.ROOT);
        return project("fresh-" + lower).name("Kazakhstan 2022 (" + tag + ")").seedDescription()
                .labels(seed.labels().stream().map(l -> !renamed.containsKey(l.name()) ? l : new LabelInfo(
                        renamed.get(l.name()), renamed.get(l.name()).charAt(0) + renamed.get(l.name()).substring(1)
                        .toLowerCase(Locale.ROOT), l.key(), l.letter(), l.color(), l.kind(), l.attributes())).toList())
                .seedDocuments().curator(lower + "-curator").annotator(lower + "-ann1").annotator(lower + "-ann2")
                .build();
    }

    /** A project with this slug, described step by step; nothing is stored before {@link ProjectBuilder#build}. */
    public ProjectBuilder project(String slug) {
        return new ProjectBuilder(slug);
    }

    private ProjectInfo seed() {
        return corpus.requireProject(admin(), TestUsers.SEED_PROJECT);
    }

    /** What a project is made of; {@link #build} stores it. */
    public final class ProjectBuilder {

        private final String slug;
        private String name;
        private String description;
        private String guidelines;
        private ProjectSettings settings;
        private List<LabelInfo> labels;
        private String password = TestUsers.DEMO_PASSWORD;
        private final List<DocumentSpec> documents = new ArrayList<>();
        private final List<MemberSpec> members = new ArrayList<>();

        private record DocumentSpec(String name, String text, Map<String, String> meta) {
        }

        private record MemberSpec(String username, String displayName, Role role, ProjectRole inProject,
                Actor existing) {
        }

        private ProjectBuilder(String slug) {
            this.slug = slug;
            this.name = slug;
        }

        public ProjectBuilder name(String name) {
            this.name = name;
            return this;
        }

        public ProjectBuilder description(String description) {
            this.description = description;
            return this;
        }

        public ProjectBuilder guidelines(String guidelines) {
            this.guidelines = guidelines;
            return this;
        }

        /** The seed project's description and guidelines. */
        public ProjectBuilder seedDescription() {
            ProjectInfo seed = seed();
            return description(seed.description()).guidelines(seed.guidelines());
        }

        /** Settings other than {@link ProjectSettings#DEFAULT}. */
        public ProjectBuilder settings(ProjectSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The schema; without one, the seed project's. */
        public ProjectBuilder labels(List<LabelInfo> labels) {
            this.labels = labels;
            return this;
        }

        public ProjectBuilder labels(LabelInfo... labels) {
            return labels(List.of(labels));
        }

        /** The password of the members created from here on; {@link TestUsers#DEMO_PASSWORD} unless told. */
        public ProjectBuilder password(String password) {
            this.password = password;
            return this;
        }

        public ProjectBuilder document(String name, String text) {
            return document(name, text, Map.of());
        }

        public ProjectBuilder document(String name, String text, Map<String, String> meta) {
            documents.add(new DocumentSpec(name, text, meta));
            return this;
        }

        /** Copies of the seed project's articles (name, text, metadata), all five in the seed's order. */
        public ProjectBuilder seedDocuments() {
            return seedDocuments(new int[0]);
        }

        /** Copies of the seed project's articles at these positions (0 to 4), in the order given. */
        public ProjectBuilder seedDocuments(int... positions) {
            Actor admin = admin();
            List<DocumentSummary> seedDocs = corpus.listDocuments(admin, TestUsers.SEED_PROJECT);
            List<Integer> order = new ArrayList<>();
            if (positions.length == 0) {
                for (int i = 0; i < seedDocs.size(); i++) {
                    order.add(i);
                }
            } else {
                for (int i : positions) {
                    order.add(i);
                }
            }
            for (int i : order) {
                DocumentContent c = corpus.openDocument(admin, TestUsers.SEED_PROJECT, seedDocs.get(i).id());
                document(c.name(), c.text(), c.meta());
            }
            return this;
        }

        /** A new user (display name the user name) who joins as annotator. */
        public ProjectBuilder annotator(String username) {
            return member(username, username, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        }

        /** A new user (display name the user name) with the global role curator, who joins as curator. */
        public ProjectBuilder curator(String username) {
            return member(username, username, Role.CURATOR, ProjectRole.CURATOR);
        }

        /** A new user who joins the project. */
        public ProjectBuilder member(String username, String displayName, Role role, ProjectRole inProject) {
            members.add(new MemberSpec(username, displayName, role, inProject, null));
            return this;
        }

        /** An existing user (the seed's alice, say) who joins the project. */
        public ProjectBuilder member(Actor existing, ProjectRole inProject) {
            members.add(new MemberSpec(existing.username(), null, null, inProject, existing));
            return this;
        }

        public ProjectBuilder member(String existingUsername, ProjectRole inProject) {
            return member(actor(existingUsername), inProject);
        }

        /** Stores the project, then its documents in order, then its members in order. */
        public FreshProject build() {
            Actor admin = admin();
            projects.create(admin, new ProjectSpec(slug, name, description, guidelines, settings,
                    labels == null ? seedLabels() : labels));
            long id = corpus.requireProject(admin, slug).id();
            Map<String, Long> docs = new LinkedHashMap<>();
            for (DocumentSpec d : documents) {
                docs.put(d.name(), setup.importDocument(id, d.name(), d.text(), d.meta()));
            }
            Map<String, Actor> people = new LinkedHashMap<>();
            Map<String, ProjectRole> roles = new LinkedHashMap<>();
            for (MemberSpec m : members) {
                Actor actor = m.existing() != null ? m.existing() : user(m.username(), m.displayName(), password,
                        m.role());
                setup.addMember(id, actor.userId(), m.inProject());
                people.put(actor.username(), actor);
                roles.put(actor.username(), m.inProject());
            }
            return new FreshProject(TestData.this, slug, id, name, docs, people, roles);
        }
    }

    // ------------------------------------------------------------------ what FreshProject does through the services

    void assign(long document, Actor who) {
        setup.assign(new DocumentId(document), who.userId());
    }

    void finish(long document, Actor who) {
        setup.finish(new DocumentId(document), who.userId());
    }

    void join(long project, Actor who, ProjectRole role) {
        setup.addMember(project, who.userId(), role);
    }

    long importDocument(long project, String name, String text, Map<String, String> meta) {
        return setup.importDocument(project, name, text, meta);
    }

    String text(long document) {
        return corpus.textIndex(document).text();
    }

    // ------------------------------------------------------------------ annotations in any project, the seed's too

    /** {@code who} labels code points {@code start} to {@code end} (exclusive) of a document. */
    public SpanInfo span(Actor who, String slug, long document, int start, int end, String label,
            Map<String, String> values) {
        return annotations.createSpan(who, slug, document, start, end, label, values);
    }

    /** {@code who} labels the first occurrence of {@code phrase} in a document. */
    public SpanInfo label(Actor who, String slug, long document, String phrase, String label,
            Map<String, String> values) {
        int start = at(text(document), phrase);
        return span(who, slug, document, start, start + CodePoints.count(phrase), label, values);
    }

    public SpanInfo setAttribute(Actor who, String slug, long document, SpanInfo span, String name, String value) {
        return annotations.setAttribute(who, slug, new DocumentId(document), new SpanId(span.id()), name, value);
    }

    /** {@code who} links a claim to its source and cue (either may be null). */
    public AttributionInfo link(Actor who, String slug, long document, SpanInfo source, SpanInfo cue,
            SpanInfo content) {
        return annotations.createAttribution(who, slug, document, source == null ? null : source.id(),
                cue == null ? null : cue.id(), content.id());
    }

    /** The code point offset of the first occurrence of {@code phrase} in {@code text}. */
    public static int at(String text, String phrase) {
        int u16 = text.indexOf(phrase);
        if (u16 < 0) {
            throw new IllegalArgumentException("Not in the text: " + phrase);
        }
        return CodePoints.count(text.substring(0, u16));
    }
}
