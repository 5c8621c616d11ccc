package org.factspan.agreement;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Cohen's and Fleiss' kappa (and their category-specific variants) from count tables over {@link CodingUnits},
 * with DKPro statistics' definitions step for step: observed agreement over the items, expected agreement from the
 * category totals (in {@link BigDecimal} with {@link MathContext#DECIMAL128}, as DKPro), {@code A_E == 0} gives
 * {@code A_O}, fewer than two categories is undefined (NaN), and the category-specific value follows Agresti (1992)
 * as DKPro's {@code calculateCategoryAgreement} does. DKPro builds a study object item by item, which was a third of
 * an agreement request over 150,000 spans; counting the tables directly gives the same values
 * ({@code KappaMeasuresTest} compares both with DKPro called directly, decision 023).
 */
final class Kappas {

    private Kappas() {
    }

    /** One kappa: the overall value and the category-specific value per category number (NaN where unused). */
    record Table(int items, double kappa, double[] byCategory) {

        /** The category-specific value of category number {@code category}; NaN when it is unknown or unused. */
        double category(int category) {
            return category < 0 || category >= byCategory.length ? Double.NaN : byCategory[category];
        }
    }

    /** Cohen's kappa of two annotator columns over the units at least one of the two labeled. */
    static Table cohen(CodingUnits coding, int a, int b) {
        int categories = coding.categoryCount();
        long[] marginA = new long[categories];
        long[] marginB = new long[categories];
        long[] both = new long[categories];
        int items = 0;
        long agree = 0;
        for (int u = 0; u < coding.size(); u++) {
            int[] row = coding.row(u);
            int va = row[a];
            int vb = row[b];
            if (va == 0 && vb == 0) {
                continue;
            }
            items++;
            marginA[va]++;
            marginB[vb]++;
            if (va == vb) {
                agree++;
                both[va]++;
            }
        }
        if (items == 0) {
            return new Table(0, Double.NaN, new double[categories]);
        }
        int used = 0;
        long products = 0;
        for (int c = 0; c < categories; c++) {
            used += marginA[c] + marginB[c] > 0 ? 1 : 0;
            products += marginA[c] * marginB[c];
        }
        // DKPro: per item sum of count * (count - 1) / (raters - 1), over the sum of raters: 2 * agree / (2 * items)
        double observed = (2.0 * agree) / (2.0 * items);
        double expected = BigDecimal.valueOf(products)
                .divide(BigDecimal.valueOf(items).pow(2), MathContext.DECIMAL128).doubleValue();
        double kappa = used <= 1 ? Double.NaN : combine(observed, expected);
        double[] byCategory = new double[categories];
        for (int c = 0; c < categories; c++) {
            long sum = marginA[c] + marginB[c];
            // n_ij is 0, 1 or 2: its square is n_ij, plus 2 where both chose c
            byCategory[c] = sum == 0 ? Double.NaN : categoryKappa(items, 2, (int) sum, (int) (sum + 2 * both[c]));
        }
        return new Table(items, kappa, byCategory);
    }

    /** Fleiss' kappa of all annotator columns over every unit (no missing values: NONE is a category). */
    static Table fleiss(CodingUnits coding, int raters) {
        int categories = coding.categoryCount();
        int items = coding.size();
        long[] total = new long[categories];
        long[] squares = new long[categories];
        int[] count = new int[categories];
        double observed = 0;
        for (int u = 0; u < items; u++) {
            int[] row = coding.row(u);
            for (int v : row) {
                count[v]++;
            }
            long pairs = 0;
            for (int v : row) {
                int n = count[v];
                if (n > 0) {
                    pairs += (long) n * (n - 1);
                    total[v] += n;
                    squares[v] += (long) n * n;
                    count[v] = 0;
                }
            }
            observed += raters > 1 ? pairs / (double) (raters - 1.0) : 0;
        }
        observed = observed / ((double) raters * items);
        int used = 0;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        for (int c = 0; c < categories; c++) {
            if (total[c] > 0) {
                used++;
                sumOfSquares = sumOfSquares.add(BigDecimal.valueOf(total[c]).pow(2));
            }
        }
        if (items == 0) {
            return new Table(0, Double.NaN, new double[categories]);
        }
        // DKPro sums count / raters per item and category; the sum is total / raters, exactly
        double expected = sumOfSquares.divide(BigDecimal.valueOf((long) raters * raters), MathContext.DECIMAL128)
                .divide(BigDecimal.valueOf(items).pow(2), MathContext.DECIMAL128).doubleValue();
        double kappa = used <= 1 ? Double.NaN : combine(observed, expected);
        double[] byCategory = new double[categories];
        for (int c = 0; c < categories; c++) {
            byCategory[c] = total[c] == 0 ? Double.NaN
                    : categoryKappa(items, raters, (int) total[c], (int) squares[c]);
        }
        return new Table(items, kappa, byCategory);
    }

    /** DKPro's {@code AgreementMeasure.calculateAgreement}. */
    private static double combine(double observed, double expected) {
        return expected == 0.0 ? observed : (observed - expected) / (1.0 - expected);
    }

    /**
     * DKPro's category-specific kappa (Agresti): {@code N} items, {@code n} raters, the sum of n_ij and of n_ij²
     * over the items; the same arithmetic in the same order.
     */
    private static double categoryKappa(int N, int n, int sumNij, int sumNij2) {
        double pj = 1 / (double) (N * n) * sumNij;
        double Pj = (sumNij2 - N * n * pj) / (double) (N * n * (n - 1) * pj);
        return (Pj - pj) / (double) (1 - pj);
    }
}
