package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The diffs of one agreement request are built once, whichever measures read them (decision 023). */
class AgreementInputTest {

    @Test
    void diffsAreBuiltOncePerInputAndTheCacheIsNotPartOfItsValue() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100);
        s.span("alice", 0, 5, "CLAIM");
        s.span("bob", 0, 5, "CLAIM");
        AgreementInput input = s.build();
        assertThat(input.diffs()).isSameAs(input.diffs());
        AgreementInput copy = new AgreementInput(input.annotators(), input.documents(), input.units(),
                input.triples());
        assertThat(copy).isEqualTo(input).hasSameHashCodeAs(input);
        assertThat(copy.diffs()).isNotSameAs(input.diffs());
    }
}
