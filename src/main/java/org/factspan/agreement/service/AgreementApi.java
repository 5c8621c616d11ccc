package org.factspan.agreement.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.agreement.MeasureResult;
import org.factspan.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inter-annotator agreement over REST, for curators of the project and admins. JSON has no NaN: an undefined value
 * is {@code null}, and an undefined overall value comes with {@code nanReason}.
 */
@RestController
@RequestMapping("/api/v1/projects/{slug}/agreement")
class AgreementApi {

    record Pair(String a, String b, Double value) {
    }

    record Measure(Double overall, Map<String, Double> byLabel, List<Pair> pairs, int units, String nanReason) {
    }

    record Document(long id, String name, String title, int length, int spans, Double spanF1Exact,
            String nanReason) {
    }

    record Agreement(Map<String, Measure> measures, List<Document> documents, List<String> annotators) {
    }

    private final AgreementService agreement;
    private final CurrentUser currentUser;

    AgreementApi(AgreementService agreement, CurrentUser currentUser) {
        this.agreement = agreement;
        this.currentUser = currentUser;
    }

    @GetMapping
    Agreement get(@PathVariable String slug, @RequestParam(required = false) List<Long> documents,
            @RequestParam(required = false) List<String> annotators) {
        AgreementReport report = agreement.compute(currentUser.require(), slug, documents, annotators);
        Map<String, Measure> measures = new LinkedHashMap<>();
        report.measures().forEach(m -> measures.put(m.id(), toJson(m)));
        return new Agreement(measures, report.documents().stream()
                .map(d -> new Document(d.id(), d.name(), d.title(), d.length(), d.spans(), number(d.value()),
                        d.nanReason()))
                .toList(), report.annotators());
    }

    static Measure toJson(MeasureResult m) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        m.byLabel().forEach((label, value) -> byLabel.put(label, number(value)));
        return new Measure(number(m.overall()), byLabel,
                m.pairs().stream().map(p -> new Pair(p.a(), p.b(), number(p.value()))).toList(), m.units(),
                m.defined() ? null : m.nanReason());
    }

    /** NaN and infinities become null. */
    static Double number(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
