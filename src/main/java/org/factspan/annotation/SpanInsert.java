package org.factspan.annotation;

/** The span save's insert, in plain SQL (a repository fragment of {@link SpanRepository}; issue 14). */
interface SpanInsert {

    /**
     * Inserts {@code span} and returns it with its new id. The same span twice for one owner fails with a
     * {@link org.springframework.dao.DataIntegrityViolationException} (the {@code span_dup_uq} constraint).
     */
    Span insert(Span span);
}
