package org.factspan.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;

/**
 * {@code fleiss_kappa}: DKPro's {@link FleissKappaAgreement} over all annotators at once, on all
 * {@link CodingUnits} (every annotator has a value on every unit, "NONE" where they gave no label, so there are no
 * missing values). NaN with a reason when there are fewer than two annotators, no spans, or a single category.
 * Per label: DKPro's category-specific Fleiss kappa. No pair values.
 */
public final class FleissKappaMeasure implements AgreementMeasure {

    public static final String ID = "fleiss_kappa";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Fleiss' κ";
    }

    @Override
    public String definition() {
        return "Agreement of all annotators on each token's label, corrected for chance (1: perfect, 0: chance)";
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        List<String> annotators = input.annotators();
        CodingUnits coding = input.coding();
        if (annotators.size() < 2) {
            return MeasureResult.undefined(ID, coding.size(), "needs at least two annotators");
        }
        if (coding.size() == 0) {
            return MeasureResult.undefined(ID, 0, "no spans");
        }
        CodingAnnotationStudy study = new CodingAnnotationStudy(annotators.size());
        coding.rows(annotators).forEach(study::addItemAsArray);
        FleissKappaAgreement agreement = new FleissKappaAgreement(study);
        double kappa = Kappas.agreement(agreement);
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (String label : input.labels()) {
            byLabel.put(label, Kappas.categoryAgreement(agreement, study, label));
        }
        return new MeasureResult(ID, kappa, byLabel, List.of(), coding.size(),
                Double.isNaN(kappa) ? "all annotators used a single category" : null);
    }
}
