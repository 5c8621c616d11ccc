package org.factspan.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.factspan.diff.Unit;

/**
 * {@code krippendorff_alpha_unitizing}: DKPro's {@link KrippendorffAlphaUnitizingAgreement} (Krippendorff's
 * unitizing alpha, u-alpha) over all annotators. The continuum is all documents' texts concatenated in document
 * order, in code points: a unit at {@code [start, end)} of the k-th document sits at {@code offset_k + start} where
 * {@code offset_k} is the sum of the lengths of the documents before it. Unitizing assumes one annotator's units of
 * one label do not overlap, so an annotator's overlapping (not merely touching) spans of one label are merged
 * into their union first. Overall: DKPro's study-wide alpha (1 − mean observed / mean expected disagreement over
 * labels); per label: DKPro's category alpha. {@code units} counts the units after merging.
 */
public final class KrippendorffAlphaUnitizingMeasure implements AgreementMeasure {

    public static final String ID = "krippendorff_alpha_unitizing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Krippendorff's α (unitizing)";
    }

    @Override
    public String definition() {
        return "Agreement on where spans begin and end and how they are labeled, character by character,"
                + " corrected for chance";
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        List<String> annotators = input.annotators();
        if (annotators.size() < 2) {
            return MeasureResult.undefined(ID, input.units().size(), "needs at least two annotators");
        }
        if (input.units().isEmpty()) {
            return MeasureResult.undefined(ID, 0, "no spans");
        }
        Map<String, Long> offsets = new HashMap<>();
        long total = 0;
        for (AgreementDocument document : input.documents()) {
            offsets.put(document.id(), total);
            total += document.length();
        }
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(annotators.size(), 0, total);
        Map<Group, List<long[]>> extents = new TreeMap<>();
        for (Unit unit : input.units()) {
            long offset = offsets.get(unit.documentId());
            extents.computeIfAbsent(new Group(annotators.indexOf(unit.annotator()), unit.label()),
                    k -> new ArrayList<>()).add(new long[] {offset + unit.start(), offset + unit.end()});
        }
        int count = 0;
        for (Map.Entry<Group, List<long[]>> entry : extents.entrySet()) {
            for (long[] merged : mergeOverlapping(entry.getValue())) {
                study.addUnit(merged[0], merged[1] - merged[0], entry.getKey().rater(), entry.getKey().label());
                count++;
            }
        }
        KrippendorffAlphaUnitizingAgreement alpha = new FastUnitizingAlpha(study);
        double overall = alpha.calculateAgreement();
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (String label : input.labels()) {
            byLabel.put(label, alpha.calculateCategoryAgreement(label));
        }
        return new MeasureResult(ID, overall, byLabel, List.of(), count,
                Double.isNaN(overall) ? "no disagreement is possible on this data" : null);
    }

    /** Union of ranges that share at least one position; touching ranges stay apart. Sorted by start. */
    static List<long[]> mergeOverlapping(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        List<long[]> merged = new ArrayList<>();
        for (long[] range : sorted) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range[0] < last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(new long[] {range[0], range[1]});
            }
        }
        return merged;
    }

    private record Group(int rater, String label) implements Comparable<Group> {
        @Override
        public int compareTo(Group other) {
            int byRater = Integer.compare(rater, other.rater);
            return byRater != 0 ? byRater : label.compareTo(other.label);
        }
    }
}
