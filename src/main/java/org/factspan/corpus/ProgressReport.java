package org.factspan.corpus;

import java.util.List;
import java.util.Map;

/**
 * Progress of a project for its curators and admins. An assignment is {@code NOT_STARTED} while its annotator has
 * no span on the document, {@code IN_PROGRESS} once they have one, {@code FINISHED} once they marked it so. A
 * document is finished when it has its k annotators and all of them finished, not started when none of its
 * assignees has a span, in progress otherwise. Span counts include every annotator's spans (also of people not
 * assigned).
 */
public record ProgressReport(String project, int annotatorsPerDocument, List<AnnotatorProgress> annotators,
        List<DocumentProgress> documents, Map<String, Long> spansPerLabel, long spans) {

    /** One annotator: their assignments by state and their spans per label. */
    public record AnnotatorProgress(String username, String displayName, int assigned, int notStarted,
            int inProgress, int finished, long spans, Map<String, Long> spansPerLabel) {
    }

    /** One document: its assignees, their state and span counts. */
    public record DocumentProgress(long id, String name, String title, WorkState state, int required,
            List<AssigneeProgress> assignees, long spans) {
    }

    public record AssigneeProgress(String username, WorkState state, long spans) {
    }
}
