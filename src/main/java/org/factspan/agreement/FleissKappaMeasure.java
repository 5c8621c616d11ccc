package org.factspan.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fleiss_kappa}: Fleiss' kappa as DKPro's {@code FleissKappaAgreement} defines it (counted by {@link Kappas},
 * equal to DKPro's value) over all annotators at once, on all
 * {@link CodingUnits} (every annotator has a value on every unit, "NONE" where they gave no label, so there are no
 * missing values). NaN with a reason when there are fewer than two annotators, no spans, or a single category.
 * Per label: the category-specific Fleiss kappa. No pair values.
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
        Kappas.Table table = Kappas.fleiss(coding, annotators.size());
        double kappa = table.kappa();
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (String label : input.labels()) {
            byLabel.put(label, table.category(coding.category(label)));
        }
        return new MeasureResult(ID, kappa, byLabel, List.of(), coding.size(),
                Double.isNaN(kappa) ? "all annotators used a single category" : null);
    }
}
