package org.factspan.corpus;

import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import org.factspan.base.audit.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;
import org.factspan.security.AppUser;
import org.factspan.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running projects: admins create, rename, archive and delete them and decide who is a member with which role;
 * admins and the project's curators edit its description, guidelines, settings and label schema. A schema change
 * never silently destroys annotations: removing a label that spans use is refused with their count unless the
 * spans are mapped to another label; removing an attribute or an option that stored values use is refused with
 * their count. Every refused call throws before anything is changed.
 */
@Service
public class ProjectAdminService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final LabelRepository labels;
    private final LabelAttributeRepository labelAttributes;
    private final DocumentRepository documents;
    private final AssignmentRepository assignments;
    private final CorpusService corpus;
    private final SpanStatistics stats;
    private final UserService users;
    private final Clock clock;
    private final AuditLog audit;

    ProjectAdminService(ProjectRepository projects, ProjectMemberRepository members, LabelRepository labels,
            LabelAttributeRepository labelAttributes, DocumentRepository documents, AssignmentRepository assignments,
            CorpusService corpus, SpanStatistics stats, UserService users, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.projects = projects;
        this.members = members;
        this.labels = labels;
        this.labelAttributes = labelAttributes;
        this.documents = documents;
        this.assignments = assignments;
        this.corpus = corpus;
        this.stats = stats;
        this.users = users;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ projects

    @Transactional(readOnly = true)
    public ProjectDetails details(Actor actor, String slug) {
        corpus.requireProject(actor, slug);
        return details(project(slug));
    }

    @Transactional
    public ProjectDetails create(Actor actor, ProjectSpec spec) {
        requireAdmin(actor, "create projects");
        if (spec == null) {
            throw new InvalidRequestException("A project needs a slug, a name and labels");
        }
        if (spec.slug() == null || !spec.slug().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidRequestException("The slug (the project's name in URLs) must be 1 to 64 lower-case"
                    + " letters, digits and '-', starting with a letter or digit: " + Quote.of(spec.slug()));
        }
        if (projects.findBySlug(spec.slug()).isPresent()) {
            throw new ConflictException("A project " + Quote.of(spec.slug()) + " exists already");
        }
        List<LabelInfo> schema = spec.labels() == null ? List.of() : spec.labels();
        checkSchema(schema);
        Project project = projects.save(new Project(spec.slug(), checkName(spec.name()),
                blankToNull(Fields.DESCRIPTION.require(spec.description())),
                blankToNull(Fields.GUIDELINES.require(spec.guidelines())), clock.instant()));
        project.setSettings(spec.settings() == null ? ProjectSettings.DEFAULT : spec.settings());
        insertLabels(project.getId(), schema);
        return details(project);
    }

    /**
     * Changes a project; a null argument leaves that part as it is. Renaming and (un)archiving are for admins;
     * description, guidelines and settings for admins and the project's curators.
     */
    @Transactional
    public ProjectDetails update(Actor actor, String slug, String name, String description, String guidelines,
            ProjectSettings settings, Boolean archived) {
        Project project = lockProject(slug);
        ProjectInfo info = requireCurator(actor, slug);
        if (name != null && !name.strip().equals(project.getName())) {
            requireAdmin(actor, "rename projects");
            project.rename(checkName(name));
        }
        if (archived != null && archived != project.isArchived()) {
            requireAdmin(actor, "archive projects");
            project.setArchived(archived);
        }
        if (project.isArchived() && archived == null && (description != null || guidelines != null
                || settings != null)) {
            throw new ConflictException("Project " + Quote.of(slug) + " is archived; unarchive it before changing it");
        }
        if (description != null) {
            project.describe(blankToNull(Fields.DESCRIPTION.require(description)));
        }
        if (guidelines != null) {
            project.setGuidelines(blankToNull(Fields.GUIDELINES.require(guidelines)));
        }
        if (settings != null) {
            project.setSettings(settings);
        }
        return details(project);
    }

    /**
     * Changes a project in one transaction (the REST {@code PUT}): a null field leaves that part as it is;
     * {@code labels} replaces the schema as {@link #applySchema} does, with {@code labelMapping} for removed labels.
     */
    @Transactional
    public ProjectDetails change(Actor actor, String slug, ProjectChange change) {
        if (change == null) {
            throw new InvalidRequestException("Nothing to change");
        }
        lockProject(slug);
        boolean unarchive = Boolean.FALSE.equals(change.archived());
        if (unarchive) {
            update(actor, slug, null, null, null, null, false);
        }
        ProjectDetails result = update(actor, slug, change.name(), change.description(), change.guidelines(),
                change.settings(), null);
        if (change.labels() != null) {
            result = applySchema(actor, slug, change.labels(), change.labelMapping());
        }
        if (Boolean.TRUE.equals(change.archived())) {
            result = update(actor, slug, null, null, null, null, true);
        }
        return result;
    }

    /** Deletes a project with its documents and all annotations; {@code typedName} must be the project's name. */
    @Transactional
    public void delete(Actor actor, String slug, String typedName) {
        requireAdmin(actor, "delete projects");
        Project project = lockProject(slug);
        if (typedName == null || !typedName.strip().equals(project.getName())) {
            throw new InvalidRequestException("To delete project " + Quote.of(slug) + ", type its name exactly: "
                    + project.getName());
        }
        projects.delete(project);
        projects.flush();
    }

    // ------------------------------------------------------------------ schema

    /** How much stored work uses a label (asked before removing or mapping it). */
    @Transactional(readOnly = true)
    public LabelUse labelUse(Actor actor, String slug, String label) {
        ProjectInfo project = requireCurator(actor, slug);
        project.label(label).orElseThrow(() -> new NotFoundException("No label " + Quote.of(label) + " in project " + slug));
        return new LabelUse(label, stats.spansWithLabel(project.id(), label),
                stats.spansWithLabelInAttributions(project.id(), label),
                stats.attributeValues(project.id(), label).stream().mapToLong(SpanStatistics.ValueCount::spans).sum());
    }

    /** Adds a label, or changes the one with the same name (its position is kept). */
    @Transactional
    public ProjectDetails saveLabel(Actor actor, String slug, LabelInfo label) {
        lockProject(slug);
        ProjectInfo project = requireCurator(actor, slug);
        List<LabelInfo> next = new ArrayList<>(project.labels());
        int at = indexOf(next, label.name());
        if (at < 0) {
            next.add(label);
        } else {
            next.set(at, label);
        }
        return applySchema(actor, slug, next, Map.of());
    }

    /**
     * Removes a label. When spans use it: refused with their count, unless {@code mapTo} names another label of
     * the project, to which they are then moved (attribute values the target does not accept are dropped).
     */
    @Transactional
    public ProjectDetails removeLabel(Actor actor, String slug, String label, String mapTo) {
        lockProject(slug);
        ProjectInfo project = requireCurator(actor, slug);
        if (project.label(label).isEmpty()) {
            throw new NotFoundException("No label " + Quote.of(label) + " in project " + slug);
        }
        List<LabelInfo> next = project.labels().stream().filter(l -> !l.name().equals(label)).toList();
        return applySchema(actor, slug, next, mapTo == null || mapTo.isBlank() ? Map.of() : Map.of(label, mapTo));
    }

    /** Moves a label one place up (-1) or down (+1) in the schema (the order of the legend and the popup). */
    @Transactional
    public ProjectDetails moveLabel(Actor actor, String slug, String label, int direction) {
        lockProject(slug);
        ProjectInfo project = requireCurator(actor, slug);
        List<LabelInfo> next = new ArrayList<>(project.labels());
        int at = indexOf(next, label);
        if (at < 0) {
            throw new NotFoundException("No label " + Quote.of(label) + " in project " + slug);
        }
        int to = at + Integer.signum(direction);
        if (to >= 0 && to < next.size()) {
            next.add(to, next.remove(at));
        }
        return applySchema(actor, slug, next, Map.of());
    }

    /**
     * Replaces the label schema by {@code schema} (in that order). Labels are matched by name; a label that is
     * left out is removed, which is refused while spans use it unless {@code mapping} maps it to a label of the
     * new schema. Changing a used label's kind, or removing an attribute or enumeration option that stored
     * values use, is refused with the count.
     */
    @Transactional
    public ProjectDetails applySchema(Actor actor, String slug, List<LabelInfo> schema, Map<String, String> mapping) {
        lockProject(slug);
        ProjectInfo project = requireCurator(actor, slug);
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(slug) + " is archived; unarchive it before changing its labels");
        }
        List<LabelInfo> next = schema == null ? List.of() : List.copyOf(schema);
        checkSchema(next);
        Map<String, String> map = mapping == null ? Map.of() : mapping;
        Map<String, LabelInfo> byName = next.stream().collect(Collectors.toMap(LabelInfo::name, l -> l));
        for (String from : map.keySet()) {
            if (byName.containsKey(from) || project.label(from).isEmpty()) {
                throw new InvalidRequestException("Only removed labels can be mapped; " + Quote.of(from) + " is not one");
            }
        }
        record Move(String from, LabelInfo to) {
        }
        List<Move> moves = new ArrayList<>();
        for (LabelInfo old : project.labels()) {
            LabelInfo kept = byName.get(old.name());
            if (kept == null) {
                long used = stats.spansWithLabel(project.id(), old.name());
                String target = map.get(old.name());
                if (target == null) {
                    if (used > 0) {
                        throw new ConflictException("Label " + old.name() + " is used by " + used
                                + (used == 1 ? " span" : " spans") + "; map them to another label or delete them"
                                + " before removing it");
                    }
                    continue;
                }
                LabelInfo to = byName.get(target);
                if (to == null) {
                    throw new InvalidRequestException("Cannot map " + old.name() + " to " + Quote.of(target)
                            + ": not a label of the project");
                }
                long linked = stats.spansWithLabelInAttributions(project.id(), old.name());
                if (linked > 0 && old.kind() != to.kind()) {
                    throw new ConflictException(linked + " spans of " + old.name() + " are part of attributions; they"
                            + " can be mapped only to a label of the same role (" + old.kind().describe() + ")");
                }
                long collisions = stats.collisionsIfRelabelled(project.id(), old.name(), target);
                if (collisions > 0) {
                    throw new ConflictException(collisions + " spans of " + old.name() + " have an identical "
                            + target + " span of the same annotator; delete them before mapping " + old.name()
                            + " to " + target);
                }
                moves.add(new Move(old.name(), to));
            } else {
                checkLabelChange(project, old, kept);
            }
        }
        for (Move move : moves) {
            stats.relabelAll(project.id(), move.from(), move.to().name(), (attribute, value) -> move.to()
                    .attribute(attribute).map(def -> def.check(value) == null).orElse(false));
        }
        labels.deleteByProject(project.id());
        insertLabels(project.id(), next);
        return details(project(slug));
    }

    private void checkLabelChange(ProjectInfo project, LabelInfo old, LabelInfo next) {
        long used = -1;
        if (old.kind() != next.kind() && old.kind() != LabelKind.CUE && next.kind() != LabelKind.CUE) {
            // content, source and no role: spans keep their meaning unless attributions are built on them
            long linked = stats.spansWithLabelInAttributions(project.id(), old.name());
            if (linked > 0) {
                throw new ConflictException(linked + " spans of " + old.name() + " are part of attributions; its role"
                        + " cannot change from " + old.kind().describe() + " to " + next.kind().describe()
                        + " while they are");
            }
        } else if (old.kind() != next.kind()) {
            used = stats.spansWithLabel(project.id(), old.name());
            if (used > 0) {
                throw new ConflictException("Label " + old.name() + " is used by " + used + " spans; its type cannot"
                        + " change from " + old.kind() + " to " + next.kind());
            }
        }
        if (old.attributes().isEmpty()) {
            return;
        }
        List<SpanStatistics.ValueCount> values = stats.attributeValues(project.id(), old.name());
        for (AttributeDef def : old.attributes()) {
            long stored = values.stream().filter(v -> v.attribute().equals(def.name()))
                    .mapToLong(SpanStatistics.ValueCount::spans).sum();
            if (stored == 0) {
                continue;
            }
            var replacement = next.attribute(def.name());
            if (replacement.isEmpty()) {
                throw new ConflictException("Attribute " + def.name() + " of " + old.name() + " has " + stored
                        + " stored values; it cannot be removed");
            }
            if (!replacement.get().kind().equals(def.kind())) {
                throw new ConflictException("Attribute " + def.name() + " of " + old.name() + " has " + stored
                        + " stored values; its type cannot change");
            }
            for (SpanStatistics.ValueCount v : values) {
                if (v.attribute().equals(def.name()) && replacement.get().check(v.value()) != null) {
                    throw new ConflictException("Option " + Quote.of(v.value()) + " of " + old.name() + "." + def.name()
                            + " is used by " + v.spans() + " spans; it cannot be removed");
                }
            }
        }
    }

    /**
     * Names, keys and letters unique; at most one content and one source label; enumeration options non-blank
     * without '|'.
     */
    static void checkSchema(List<LabelInfo> schema) {
        Map<LabelKind, String> roles = new HashMap<>();
        Set<String> names = new HashSet<>();
        Map<String, String> keys = new HashMap<>();
        Map<String, String> letters = new HashMap<>();
        for (LabelInfo l : schema) {
            if (l == null) {
                throw new InvalidRequestException("A label is missing");
            }
            if (!names.add(l.name())) {
                throw new InvalidRequestException("Two labels are named " + l.name());
            }
            if (!l.key().matches("[1-9]")) {
                throw new InvalidRequestException("The key of " + l.name() + " must be a digit 1 to 9, not "
                        + Quote.of(l.key()));
            }
            String other = keys.put(l.key(), l.name());
            if (other != null) {
                throw new InvalidRequestException("Labels " + other + " and " + l.name() + " have the same key "
                        + l.key());
            }
            if (l.letter() != null) {
                other = letters.put(l.letter(), l.name());
                if (other != null) {
                    throw new InvalidRequestException("Labels " + other + " and " + l.name() + " have the same letter "
                            + l.letter());
                }
            }
            if (l.title() == null || l.title().isBlank()) {
                throw new InvalidRequestException("Label " + l.name() + " needs a title of 1 to "
                        + Fields.LABEL_TITLE.max() + " characters");
            }
            Fields.LABEL_TITLE.require("Label " + l.name(), l.title());
            if (l.kind() == null) {
                throw new InvalidRequestException("Label " + l.name() + " needs a role: CONTENT, SOURCE, CUE or SPAN");
            }
            if (l.kind() == LabelKind.CONTENT || l.kind() == LabelKind.SOURCE) {
                other = roles.put(l.kind(), l.name());
                if (other != null) {
                    throw new InvalidRequestException("Labels " + other + " and " + l.name() + " both have the role "
                            + l.kind().describe() + "; a schema has at most one");
                }
            }
            Set<String> attributes = new HashSet<>();
            for (AttributeDef a : l.attributes()) {
                if (a.kind() == null || AttributeKinds.find(a.kind()).isEmpty()) {
                    throw new InvalidRequestException("Attribute " + a.name() + " of " + l.name()
                            + (a.kind() == null ? " needs a type: " : " has an unknown type " + Quote.of(a.kind().id())
                                    + "; types: ") + String.join(", ", AttributeKinds.ids()));
                }
                if (!attributes.add(a.name())) {
                    throw new InvalidRequestException("Label " + l.name() + " has two attributes named " + a.name());
                }
                if (a.options().stream().anyMatch(o -> o == null || o.isBlank() || o.contains("|"))) {
                    throw new InvalidRequestException("Options of " + l.name() + "." + a.name()
                            + " must be non-blank and contain no '|'");
                }
                if (a.options().size() != new HashSet<>(a.options()).size()) {
                    throw new InvalidRequestException("Options of " + l.name() + "." + a.name() + " repeat a value");
                }
                for (String option : a.options()) {
                    Fields.ATTRIBUTE_OPTIONS.require("Label " + l.name() + ", attribute " + a.name(), option);
                }
                // stored in one column, joined by '|'
                int stored = String.join("|", a.options()).length();
                if (stored > Fields.ATTRIBUTE_OPTIONS.max()) {
                    throw new InvalidRequestException("Label " + l.name() + ", attribute " + a.name() + ": 'options'"
                            + " may have at most " + Fields.ATTRIBUTE_OPTIONS.max() + " characters together (joined"
                            + " by '|'); they have " + stored);
                }
            }
        }
        if (schema.size() > 9) {
            throw new InvalidRequestException("A project has at most 9 labels (keys 1 to 9)");
        }
    }

    private void insertLabels(long projectId, List<LabelInfo> schema) {
        for (int i = 0; i < schema.size(); i++) {
            Label label = labels.save(new Label(projectId, schema.get(i), i));
            List<AttributeDef> attributes = schema.get(i).attributes();
            for (int j = 0; j < attributes.size(); j++) {
                labelAttributes.save(new LabelAttribute(label.getId(), attributes.get(j), j));
            }
        }
        labels.flush();
    }

    // ------------------------------------------------------------------ members

    @Transactional(readOnly = true)
    public List<MemberInfo> members(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        List<MemberInfo> result = new ArrayList<>();
        for (ProjectMember m : members.findByProjectId(project.id())) {
            users.findById(m.getUserId()).ifPresent(u -> result.add(new MemberInfo(u.getUsername(),
                    u.getDisplayName(), m.getRole(), u.isEnabled())));
        }
        result.sort(java.util.Comparator.comparing((MemberInfo m) -> m.role()).thenComparing(MemberInfo::username));
        return result;
    }

    /** Adds a user to the project with a role, or changes their role there (admins only). */
    @Transactional
    public MemberInfo setMember(Actor actor, String slug, String username, ProjectRole role) {
        requireAdmin(actor, "manage project members");
        lockProject(slug);
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (role == null) {
            throw new InvalidRequestException("'role' must be CURATOR or ANNOTATOR");
        }
        AppUser user = users.findUser(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user " + Quote.of(username)));
        if (user.isSystemAccount()) {
            throw new InvalidRequestException(Quote.of(username) + " is a built-in system account, not a person; it"
                    + " cannot be a member of a project");
        }
        var existing = members.findByProjectIdAndUserId(project.id(), user.getId());
        Object before = existing.map(m -> Map.of("user", user.getUsername(), "role", m.getRole().name())).orElse(null);
        existing.ifPresentOrElse(m -> m.setRole(role),
                () -> members.save(new ProjectMember(project.id(), user.getId(), role)));
        members.flush();
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "member.set",
                AuditLog.Target.project(project.id()), before, Map.of("user", user.getUsername(), "role", role.name()));
        return new MemberInfo(user.getUsername(), user.getDisplayName(), role, user.isEnabled());
    }

    /** Removes a member; refused while they hold assignments in the project (unassign them first). */
    @Transactional
    public void removeMember(Actor actor, String slug, String username) {
        requireAdmin(actor, "manage project members");
        lockProject(slug);
        ProjectInfo project = corpus.requireProject(actor, slug);
        AppUser user = users.findUser(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user " + Quote.of(username)));
        ProjectMember member = members.findByProjectIdAndUserId(project.id(), user.getId())
                .orElseThrow(() -> new NotFoundException(username + " is not a member of project " + slug));
        int held = assignments.findByProjectAndUser(project.id(), user.getId()).size();
        if (held > 0) {
            throw new ConflictException(username + " has " + held + " assignment" + (held == 1 ? "" : "s")
                    + " in this project; unassign or reassign them first");
        }
        members.delete(member);
        members.flush();
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "member.remove",
                AuditLog.Target.project(project.id()), Map.of("user", user.getUsername(), "role",
                        member.getRole().name()), null);
    }

    // ------------------------------------------------------------------ documents

    /**
     * Sets when a document was published and the zone of its local times (decision 019): curators of the project and
     * admins; a blank {@code value} makes it unknown. Recorded in the audit trail.
     */
    @Transactional
    public DocumentSummary setPublicationTime(Actor actor, String slug, long documentId, String value, String zone) {
        ProjectInfo project = requireCurator(actor, slug);
        if (project.archived()) {
            throw new ConflictException("Project '" + slug + "' is archived; unarchive it before changing it");
        }
        Document document = documents.findByIdAndProjectId(documentId, project.id())
                .orElseThrow(() -> new NotFoundException("No document " + documentId + " in project " + slug));
        PublicationTime next;
        try {
            String v = PublicationTime.normalize(value);
            next = new PublicationTime(v, v == null ? null : value.strip(), "curator",
                    PublicationTime.normalizeZone(zone));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        PublicationTime before = document.getPublished();
        document.setPublished(next);
        documents.saveAndFlush(document);
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "document.published",
                AuditLog.Target.document(project.id(), documentId), before, next);
        return corpus.requireDocument(project, documentId);
    }

    // ------------------------------------------------------------------ helpers

    private ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "may change it");
    }

    private static void requireAdmin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins may " + what);
        }
    }

    /**
     * The project, its row locked until the transaction ends, taken before anything else of it is read: changes of
     * one project (settings, schema, members, deletion) take turns, so none works on what another just changed or
     * deleted; a project deleted meanwhile is a 404 (decision 016).
     */
    private Project lockProject(String slug) {
        return projects.lockBySlug(slug).orElseThrow(() -> new NotFoundException("No project '" + slug + "'"));
    }

    private Project project(String slug) {
        return projects.findBySlug(slug).orElseThrow(() -> new NotFoundException("No project " + Quote.of(slug)));
    }

    private ProjectDetails details(Project p) {
        return new ProjectDetails(p.getSlug(), p.getName(), p.getDescription(), p.getGuidelines(), p.isArchived(),
                p.settings(), corpus.labels(p.getId()), documents.countByProjectId(p.getId()));
    }

    private static int indexOf(List<LabelInfo> labels, String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("A project needs a name of 1 to " + Fields.PROJECT_NAME.max()
                    + " characters");
        }
        return Fields.PROJECT_NAME.require(name.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
