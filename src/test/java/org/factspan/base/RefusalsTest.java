package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaObjectRetrievalFailureException;
import org.springframework.transaction.TransactionSystemException;

/** One mapping of refusals and lost races for REST and UI (decision 016): 404/409, never a 500. */
class RefusalsTest {

    @Test
    void ourRefusalsKeepTheirStatusAndMessage() {
        assertThat(Refusals.of(new NotFoundException("No span 7"))).contains(new Refusals.Refusal(404, "No span 7"));
        assertThat(Refusals.of(new ConflictException("taken"))).contains(new Refusals.Refusal(409, "taken"));
        assertThat(Refusals.of(new ForbiddenException("no"))).contains(new Refusals.Refusal(403, "no"));
        assertThat(Refusals.of(new InvalidRequestException("bad"))).contains(new Refusals.Refusal(400, "bad"));
        assertThat(Refusals.of(new TooLargeException("big"))).as("413, as the REST handler answers it")
                .contains(new Refusals.Refusal(413, "big"));
    }

    @Test
    void everyRefusalIsOneHierarchyWithItsStatus() {
        assertThat(java.util.List.of(new NotFoundException("a"), new InvalidRequestException("b"),
                new ForbiddenException("c"), new ConflictException("d"), new TooLargeException("e")))
                .allSatisfy(e -> assertThat(e).isInstanceOf(RefusedException.class))
                .extracting(RefusedException::status).containsExactly(404, 400, 403, 409, 413);
    }

    @Test
    void lostRacesAre409Or404WithAPlainMessageWrappedOrNot() {
        var stale = new ObjectOptimisticLockingFailureException("Span", 1L,
                new org.hibernate.StaleStateException("Unexpected row count"));
        assertThat(Refusals.of(stale)).contains(new Refusals.Refusal(409, Refusals.CHANGED));
        assertThat(Refusals.of(new TransactionSystemException("commit failed", stale)))
                .contains(new Refusals.Refusal(409, Refusals.CHANGED));
        assertThat(Refusals.of(new org.hibernate.StaleStateException("row count")))
                .contains(new Refusals.Refusal(409, Refusals.CHANGED));
        assertThat(Refusals.of(new CannotAcquireLockException("timeout")))
                .contains(new Refusals.Refusal(409, Refusals.BUSY));
        assertThat(Refusals.of(new JpaObjectRetrievalFailureException(
                new jakarta.persistence.EntityNotFoundException("gone")))).contains(new Refusals.Refusal(404,
                        Refusals.GONE));
        assertThat(Refusals.of(new DataIntegrityViolationException("unique")))
                .contains(new Refusals.Refusal(409, Refusals.CLASH));
    }

    @Test
    void realErrorsStayErrors() {
        assertThat(Refusals.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(Refusals.of(new RuntimeException(new NullPointerException("annotator")))).isEmpty();
    }
}
