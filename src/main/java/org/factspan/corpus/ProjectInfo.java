package org.factspan.corpus;

import java.util.List;
import java.util.Optional;

/**
 * A project as one caller sees it, with its settings and label schema. {@code role} is empty for admins
 * who are not members. An archived project is read-only. Suggestions scored below {@code suggestionThreshold} are
 * not offered.
 */
public record ProjectInfo(long id, String slug, String name, String description, String guidelines,
        boolean snapWords, Optional<ProjectRole> role, List<LabelInfo> labels, boolean archived,
        boolean allowOverlap, int annotatorsPerDocument, double suggestionThreshold) {

    /** Without the workflow settings: not archived, overlaps allowed, two annotators per document, all suggestions. */
    public ProjectInfo(long id, String slug, String name, String description, String guidelines, boolean snapWords,
            Optional<ProjectRole> role, List<LabelInfo> labels) {
        this(id, slug, name, description, guidelines, snapWords, role, labels, false, true, 2, 0);
    }

    /** Admins and the project's curators: they manage the schema, assignments and see progress. */
    public boolean curatedBy(org.factspan.security.Actor actor) {
        return actor.isAdmin() || role.filter(r -> r == ProjectRole.CURATOR).isPresent();
    }

    /**
     * The one curator check: this project when {@code actor} curates it (or is an admin), else a
     * {@link org.factspan.base.ForbiddenException} "Only curators of project 'slug' and admins {@code what}" (403 on
     * REST, a notification in the views).
     */
    public ProjectInfo requireCuratedBy(org.factspan.security.Actor actor, String what) {
        if (!curatedBy(actor)) {
            throw new org.factspan.base.ForbiddenException("Only curators of project "
                    + org.factspan.base.Quote.of(slug) + " and admins " + what);
        }
        return this;
    }

    public Optional<LabelInfo> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The label with the content role (what is claimed): claims, attributions and conflicts are built on it. */
    public Optional<LabelInfo> contentLabel() {
        return labels.stream().filter(l -> l.kind() == LabelKind.CONTENT).findFirst();
    }

    /** The label with the source role (who claims it). */
    public Optional<LabelInfo> sourceLabel() {
        return labels.stream().filter(l -> l.kind() == LabelKind.SOURCE).findFirst();
    }

    /** True when {@code name} is a label of the schema with {@code role}. */
    public boolean hasRole(String name, LabelKind role) {
        return label(name).map(l -> l.kind() == role).orElse(false);
    }
}
