package org.factspan.corpus;

/** Where a piece of work stands: no span yet, spans but not finished, finished. */
public enum WorkState {
    NOT_STARTED, IN_PROGRESS, FINISHED
}
