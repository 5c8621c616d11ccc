package org.factspan.agreement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationUnit;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;

/**
 * DKPro's Krippendorff unitizing alpha with the same expected disagreement computed in O(n log n) instead of
 * O(n²), and each category's disagreements computed once. DKPro sums, for every unit of length l, the term
 * {@code (g - l + 1)} over every gap g of at least l, one gap at a time with {@code BigDecimal}s; with gaps sorted and
 * suffix sums, that sum is {@code S - (l - 1) C} for the C gaps of length at least l, whose lengths add up to S. On
 * a project of 100 documents of 2,000 tokens (about 7,000 claims) DKPro's loop took most of a minute. The observed
 * disagreement is DKPro's own. Results equal DKPro's (tested on random studies).
 */
final class FastUnitizingAlpha extends KrippendorffAlphaUnitizingAgreement {

    private final Map<Object, Double> observed = new HashMap<>();
    private final Map<Object, Double> expected = new HashMap<>();

    FastUnitizingAlpha(IUnitizingAnnotationStudy study) {
        super(study);
    }

    @Override
    protected double calculateObservedCategoryDisagreement(Object category) {
        return observed.computeIfAbsent(category, super::calculateObservedCategoryDisagreement);
    }

    @Override
    protected double calculateExpectedCategoryDisagreement(Object category) {
        return expected.computeIfAbsent(category, this::expectedDisagreement);
    }

    private double expectedDisagreement(Object category) {
        long begin = study.getContinuumBegin();
        long length = study.getContinuumLength();
        int raters = study.getRaterCount();
        List<List<IUnitizingAnnotationUnit>> byRater = new ArrayList<>();
        for (int r = 0; r < raters; r++) {
            byRater.add(new ArrayList<>());
        }
        long count = 0;
        BigInteger squaredLengths = BigInteger.ZERO;
        for (IUnitizingAnnotationUnit unit : study.getUnits()) {
            if (category.equals(unit.getCategory())) {
                count++;
                squaredLengths = squaredLengths.add(BigInteger.valueOf(unit.getLength())
                        .multiply(BigInteger.valueOf(unit.getLength() - 1)));
                byRater.get(unit.getRaterIdx()).add(unit);
            }
        }
        // the stretches of the continuum between one rater's units of the category, as DKPro walks them
        List<Long> gapList = new ArrayList<>();
        for (List<IUnitizingAnnotationUnit> units : byRater) {
            units.sort(Comparator.comparingLong(IUnitizingAnnotationUnit::getOffset));
            long pos = begin;
            for (IUnitizingAnnotationUnit unit : units) {
                if (unit.getOffset() > pos) {
                    gapList.add(unit.getOffset() - pos);
                }
                pos = unit.getOffset() + unit.getLength();
            }
            if (pos < begin + length) {
                gapList.add(begin + length - pos);
            }
        }
        long[] gaps = gapList.stream().mapToLong(Long::longValue).sorted().toArray();
        BigInteger[] suffix = new BigInteger[gaps.length + 1];
        suffix[gaps.length] = BigInteger.ZERO;
        for (int i = gaps.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1].add(BigInteger.valueOf(gaps[i]));
        }
        BigInteger three = BigInteger.valueOf(3);
        BigInteger total = BigInteger.ZERO;
        for (List<IUnitizingAnnotationUnit> units : byRater) {
            for (IUnitizingAnnotationUnit unit : units) {
                BigInteger l = BigInteger.valueOf(unit.getLength());
                // (N_c - 1)(2l³ - 3l² + l) / 3, an integer: l(l - 1)(2l - 1) is divisible by 6
                BigInteger first = BigInteger.valueOf(count - 1).multiply(l.multiply(l.subtract(BigInteger.ONE))
                        .multiply(l.shiftLeft(1).subtract(BigInteger.ONE))).divide(three);
                int from = firstAtLeast(gaps, unit.getLength());
                BigInteger c = BigInteger.valueOf(gaps.length - from);
                BigInteger sum = suffix[from].subtract(l.subtract(BigInteger.ONE).multiply(c));
                total = total.add(first).add(l.multiply(l).multiply(sum));
            }
        }
        BigDecimal result = new BigDecimal(total).multiply(BigDecimal.valueOf(2)
                .divide(BigDecimal.valueOf(length), MathContext.DECIMAL128));
        BigInteger rl = BigInteger.valueOf(raters).multiply(BigInteger.valueOf(length));
        return result.divide(new BigDecimal(rl.multiply(rl.subtract(BigInteger.ONE)).subtract(squaredLengths)),
                MathContext.DECIMAL128).doubleValue();
    }

    /** Index of the first value {@code >= key} in the ascending array, or its length. */
    private static int firstAtLeast(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == key) {
            i--;
        }
        return i;
    }
}
