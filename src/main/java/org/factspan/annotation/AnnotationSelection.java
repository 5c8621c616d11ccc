package org.factspan.annotation;

import java.util.List;
import java.util.Set;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;

/**
 * A permission-checked choice of documents and annotations to read: made only by
 * {@link AnnotationExchangeService#select}, so holding one proves the checks passed.
 */
public final class AnnotationSelection {

    private final Actor actor;
    private final ProjectInfo project;
    private final String set;
    private final Long userId;
    private final List<Long> documentIds;
    private final List<Integer> lengths;
    private final Set<String> labels;

    AnnotationSelection(Actor actor, ProjectInfo project, String set, Long userId, List<Long> documentIds,
            List<Integer> lengths, Set<String> labels) {
        this.actor = actor;
        this.project = project;
        this.set = set;
        this.userId = userId;
        this.documentIds = List.copyOf(documentIds);
        this.lengths = List.copyOf(lengths);
        this.labels = Set.copyOf(labels);
    }

    public ProjectInfo project() {
        return project;
    }

    /** {@value AnnotationExchangeService#ALL} or one user name. */
    public String set() {
        return set;
    }

    /** The documents, in project order. */
    public List<Long> documentIds() {
        return documentIds;
    }

    /** The documents' lengths in code points, in the order of {@link #documentIds()}. */
    List<Integer> lengths() {
        return lengths;
    }

    /** Labels to keep; empty for all. */
    public Set<String> labels() {
        return labels;
    }

    Actor actor() {
        return actor;
    }

    /** The one annotator's user id, or null for every annotator. */
    Long userId() {
        return userId;
    }
}
