package org.factspan.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cohen_kappa}: per annotator pair, Cohen's kappa as DKPro's {@code CohenKappaAgreement} defines it (counted
 * from the pair's table by {@link Kappas}, equal to DKPro's value) on the {@link CodingUnits} that at
 * least one of the two labeled (units neither labeled are left out, else every extent only a third annotator
 * labeled would count as a "NONE/NONE" agreement). A pair's value is NaN when it has no units or used a single
 * category only. Overall: mean of the defined pair values. Per label: mean over pairs of DKPro's category-specific
 * kappa for that label. {@code units} counts all coding units.
 */
public final class CohenKappaMeasure implements AgreementMeasure {

    public static final String ID = "cohen_kappa";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Cohen's κ";
    }

    @Override
    public String definition() {
        return "Agreement of two annotators on each token's label, corrected for chance (1: perfect, 0: chance)";
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
        List<String> labels = input.labels();
        List<PairValue> pairs = new ArrayList<>();
        Map<String, List<Double>> perLabel = new LinkedHashMap<>();
        labels.forEach(l -> perLabel.put(l, new ArrayList<>()));
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                Kappas.Table table = Kappas.cohen(coding, i, j);
                if (table.items() > 0) {
                    for (String label : labels) {
                        perLabel.get(label).add(table.category(coding.category(label)));
                    }
                }
                double kappa = table.kappa();
                pairs.add(new PairValue(annotators.get(i), annotators.get(j), kappa));
            }
        }
        Map<String, Double> byLabel = new LinkedHashMap<>();
        perLabel.forEach((label, values) -> byLabel.put(label, Means.meanOfDefined(values)));
        double overall = Means.meanOfDefined(pairs.stream().map(PairValue::value).toList());
        return new MeasureResult(ID, overall, byLabel, pairs, coding.size(),
                Double.isNaN(overall) ? "every pair of annotators used a single category only" : null);
    }
}
