package org.factspan.corpus;

/**
 * A label's role in the schema (decision 024): {@link #CONTENT} marks what is claimed, {@link #SOURCE} who claims it,
 * {@link #CUE} the words that tie a source to a claim ("said", "according to"); {@link #SPAN} is a label with no role.
 * Attributions, claims, conflicts, patterns and exports find their labels by role, never by name: a project may call
 * them Statement, Speaker and Cue. A schema has at most one content and one source label, and any number of cue labels.
 */
public enum LabelKind {
    SPAN, CUE, CONTENT, SOURCE;

    /** The role in words, for the schema editor and messages. */
    public String describe() {
        return switch (this) {
            case CONTENT -> "content (what is claimed)";
            case SOURCE -> "source (who claims it)";
            case CUE -> "cue (the words that tie a source to a claim)";
            case SPAN -> "no role";
        };
    }
}
