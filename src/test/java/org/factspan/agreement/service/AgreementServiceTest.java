package org.factspan.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.agreement.AgreementMeasure;
import org.factspan.agreement.AttributionF1Measure;
import org.factspan.agreement.CohenKappaMeasure;
import org.factspan.agreement.FleissKappaMeasure;
import org.factspan.agreement.KrippendorffAlphaUnitizingMeasure;
import org.factspan.agreement.MeasureResult;
import org.factspan.agreement.SpanF1ExactMeasure;
import org.factspan.agreement.SpanF1OverlapMeasure;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.ProjectAnnotations;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Agreement on a small fixed study (see {@link AgreementStudy} for the values by hand), filters and permissions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgreementServiceTest {

    @Autowired
    TestData data;
    @Autowired
    AgreementService agreement;
    @Autowired
    AnnotationService annotations;
    @Autowired
    UserService users;
    @Autowired
    List<AgreementMeasure> measures;

    AgreementStudy study;

    @BeforeEach
    void setUp() {
        study = new AgreementStudy(data);
    }

    MeasureResult measure(AgreementReport report, String id) {
        return report.measure(id).orElseThrow();
    }

    @Test
    void everyMeasureIsABean() {
        assertThat(measures).extracting(AgreementMeasure::id).containsExactlyInAnyOrder(SpanF1ExactMeasure.ID,
                SpanF1OverlapMeasure.ID, CohenKappaMeasure.ID, FleissKappaMeasure.ID,
                KrippendorffAlphaUnitizingMeasure.ID, AttributionF1Measure.ID,
                org.factspan.agreement.AttributionF1OverlapMeasure.ID);
        assertThat(agreement.measureIds()).isSorted().hasSize(7);
        assertThat(measures).extracting(AgreementMeasure::title).contains("Cohen's κ", "Fleiss' κ",
                "Krippendorff's α (unitizing)", "Span F1 (exact)", "Span F1 (overlap)", "Attribution F1 (exact)",
                "Attribution F1 (overlap)");
        assertThat(measures).allSatisfy(m -> assertThat(m.definition()).as(m.id()).isNotBlank());
    }

    @Test
    void knownValuesForTwoAnnotators() {
        AgreementReport report = agreement.compute(study.curator, study.slug, null,
                List.of(study.b.username(), study.a.username()));
        assertThat(report.annotators()).containsExactly(study.a.username(), study.b.username());
        assertThat(report.measures()).extracting(MeasureResult::id).containsExactlyElementsOf(agreement.measureIds());

        MeasureResult exact = measure(report, SpanF1ExactMeasure.ID);
        assertThat(exact.overall()).isCloseTo(0.6, within(1e-9));
        assertThat(exact.byLabel()).containsOnlyKeys("CLAIM", "SOURCE");
        assertThat(exact.byLabel().get("CLAIM")).isCloseTo(0.8, within(1e-9));
        assertThat(exact.byLabel().get("SOURCE")).isCloseTo(0.4, within(1e-9));
        assertThat(exact.pairs()).singleElement().satisfies(p -> {
            assertThat(p.a()).isEqualTo(study.a.username());
            assertThat(p.b()).isEqualTo(study.b.username());
            assertThat(p.value()).isCloseTo(0.6, within(1e-9));
        });
        assertThat(exact.units()).isEqualTo(10);

        assertThat(measure(report, SpanF1OverlapMeasure.ID).overall()).isCloseTo(0.8, within(1e-9));
        MeasureResult kappa = measure(report, CohenKappaMeasure.ID);
        assertThat(kappa.overall()).isCloseTo(5.0 / 33, within(1e-9));
        assertThat(kappa.units()).isEqualTo(7);
        assertThat(measure(report, AttributionF1Measure.ID).overall()).isCloseTo(0.5, within(1e-9));
        assertThat(report.measures()).allSatisfy(m -> assertThat(m.defined()).as(m.id()).isTrue());

        assertThat(report.documents()).extracting(DocumentAgreement::id).containsExactly(study.d1, study.d2);
        assertThat(report.documents()).extracting(DocumentAgreement::spans).containsExactly(5, 5);
        assertThat(report.documents().get(0).value()).isCloseTo(0.4, within(1e-9));
        assertThat(report.documents().get(1).value()).isCloseTo(0.8, within(1e-9));
        assertThat(report.worstFirst()).extracting(DocumentAgreement::id).containsExactly(study.d1, study.d2);
    }

    @Test
    void annotatorsDefaultToThoseWithSpansInTheSelectedDocuments() {
        AgreementReport all = agreement.compute(study.curator, study.slug, null, null);
        assertThat(all.annotators()).containsExactly(study.a.username(), study.b.username(), study.c.username());
        // a-b 0.6, a-c 2·1/(5+1), b-c 2·1/(5+1)
        assertThat(measure(all, SpanF1ExactMeasure.ID).overall()).isCloseTo((0.6 + 1.0 / 3 + 1.0 / 3) / 3, within(1e-9));
        assertThat(measure(all, SpanF1ExactMeasure.ID).pairs()).hasSize(3);

        AgreementReport first = agreement.compute(study.curator, study.slug, List.of(study.d1), List.of());
        assertThat(first.annotators()).containsExactly(study.a.username(), study.b.username());
        assertThat(first.documents()).extracting(DocumentAgreement::id).containsExactly(study.d1);
        assertThat(measure(first, SpanF1ExactMeasure.ID).overall()).isCloseTo(0.4, within(1e-9));

        // Documents come in project order, whatever order the filter names them in.
        AgreementReport both = agreement.compute(study.curator, study.slug, List.of(study.d2, study.d1), null);
        assertThat(both.documents()).extracting(DocumentAgreement::id).containsExactly(study.d1, study.d2);
    }

    @Test
    void undefinedValuesAreNaNWithAReason() {
        AgreementReport one = agreement.compute(study.curator, study.slug, null, List.of(study.a.username()));
        assertThat(one.measures()).hasSize(7).allSatisfy(m -> {
            assertThat(m.overall()).as(m.id()).isNaN();
            assertThat(m.nanReason()).as(m.id()).isEqualTo("needs at least two annotators");
        });
        assertThat(one.documents()).allSatisfy(d -> {
            assertThat(d.defined()).isFalse();
            assertThat(d.nanReason()).isEqualTo("needs at least two annotators");
        });
        assertThat(one.worstFirst()).extracting(DocumentAgreement::id).containsExactly(study.d1, study.d2);
    }

    @Test
    void badFiltersAreRefused() {
        assertThatThrownBy(() -> agreement.compute(study.curator, study.slug, List.of(study.d1, 999_999_999L), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999999");
        assertThatThrownBy(() -> agreement.compute(study.curator, study.slug, null, List.of("nobody-at-all")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nobody-at-all");
        assertThatThrownBy(() -> agreement.compute(study.curator, "no-such-project", null, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyCuratorsOfTheProjectAndAdminsMayReadEveryonesWork() {
        for (var refused : List.of(study.a, study.outsider)) {
            assertThatThrownBy(() -> agreement.compute(refused, study.slug, null, null))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> agreement.options(refused, study.slug)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> annotations.allAnnotations(refused, study.slug, null))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> annotations.allAnnotations(study.a, study.slug, null))
                .hasMessageContaining("curators");
        var alice = users.findActor("alice").orElseThrow();
        assertThatThrownBy(() -> agreement.compute(alice, TestUsers.SEED_PROJECT, null, null))
                .isInstanceOf(ForbiddenException.class);

        var admin = users.findActor("admin").orElseThrow();
        assertThat(agreement.compute(admin, study.slug, null, null).annotators()).hasSize(3);
        AgreementOptions options = agreement.options(study.curator, study.slug);
        assertThat(options.annotators()).containsExactly(study.a.username(), study.b.username(), study.c.username());
        assertThat(options.documents()).hasSize(2);
        assertThat(agreement.compute(users.findActor("carol").orElseThrow(), TestUsers.SEED_PROJECT, null, null)
                .documents()).hasSize(5);
    }

    @Test
    void allAnnotationsCarriesNamesAndTriplesAndFiltersDocuments() {
        ProjectAnnotations all = annotations.allAnnotations(study.curator, study.slug, null);
        assertThat(all.spans()).hasSize(11);
        assertThat(all.attributions()).hasSize(4);
        assertThat(all.annotators()).containsExactly(study.a.username(), study.b.username(), study.c.username());
        ProjectAnnotations first = annotations.allAnnotations(study.curator, study.slug, Set.of(study.d1));
        assertThat(first.spans()).hasSize(5).allSatisfy(s -> assertThat(s.documentId()).isEqualTo(study.d1));
        assertThat(first.attributions()).hasSize(2).allSatisfy(t -> {
            assertThat(first.spans()).anySatisfy(s -> {
                assertThat(s.id()).isEqualTo(t.content());
                assertThat(s.annotator()).isEqualTo(t.annotator());
                assertThat(s.label()).isEqualTo("CLAIM");
            });
            assertThat(t.source()).isNotNull();
        });
        assertThat(first.spans()).filteredOn(s -> s.annotator().equals(study.a.username()))
                .extracting(s -> s.start() + "-" + s.end() + " " + s.label())
                .containsExactlyInAnyOrder("0-10 CLAIM", "12-20 SOURCE", "25-30 CLAIM"); // read in no order
    }
}
