package org.factspan.corpus;

import org.factspan.base.Quote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An annotation project: documents, a label schema and a team. */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    private String description;

    private String guidelines;

    @Column(name = "snap_words", nullable = false)
    private boolean snapWords = true;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "allow_overlap", nullable = false)
    private boolean allowOverlap = true;

    @Column(name = "annotators_per_document", nullable = false)
    private int annotatorsPerDocument = 2;

    @Column(name = "suggestion_threshold", nullable = false)
    private double suggestionThreshold;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Project() {
    }

    Project(String slug, String name, String description, String guidelines, Instant createdAt) {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("Invalid project slug: " + Quote.of(slug));
        }
        this.slug = slug;
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.guidelines = guidelines;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    String getGuidelines() {
        return guidelines;
    }

    boolean isSnapWords() {
        return snapWords;
    }

    boolean isArchived() {
        return archived;
    }

    boolean isAllowOverlap() {
        return allowOverlap;
    }

    int getAnnotatorsPerDocument() {
        return annotatorsPerDocument;
    }

    double getSuggestionThreshold() {
        return suggestionThreshold;
    }

    void rename(String name) {
        this.name = Objects.requireNonNull(name);
    }

    void describe(String description) {
        this.description = description;
    }

    void setGuidelines(String guidelines) {
        this.guidelines = guidelines;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }

    void setSettings(ProjectSettings settings) {
        this.snapWords = settings.snapWords();
        this.allowOverlap = settings.allowOverlap();
        this.annotatorsPerDocument = settings.annotatorsPerDocument();
        if (settings.suggestionThreshold() != null) {
            this.suggestionThreshold = settings.suggestionThreshold();
        }
    }

    ProjectSettings settings() {
        return new ProjectSettings(snapWords, allowOverlap, annotatorsPerDocument, suggestionThreshold);
    }
}
