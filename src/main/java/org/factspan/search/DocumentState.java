package org.factspan.search;

/** How far an annotator (or, for the whole document, the team) has come with a document. */
public enum DocumentState {
    /** No span yet. */
    NOT_STARTED,
    /** Some spans. */
    IN_PROGRESS,
    /** Marked finished (only when a {@link DocumentStates} source knows about finishing). */
    FINISHED;

    /** The state of the whole document from the states of the annotators who started it. */
    public static DocumentState overall(java.util.Collection<DocumentState> started) {
        if (started.isEmpty() || started.stream().allMatch(s -> s == NOT_STARTED)) {
            return NOT_STARTED;
        }
        return started.stream().allMatch(s -> s == FINISHED) ? FINISHED : IN_PROGRESS;
    }
}
