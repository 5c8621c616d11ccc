package org.factspan.claims;

/**
 * A set of possible values of a quantity: from {@code low} to {@code high}, each end open or closed;
 * {@code high} may be infinite. "more than 1,000" is {@code (1000, ∞)}, "nearly 400" is {@code [360, 400)}.
 */
public record Interval(double low, boolean lowClosed, double high, boolean highClosed) {

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("Not an interval: " + low + ".." + high);
        }
        if (Double.isInfinite(high)) {
            highClosed = false;
        }
    }

    public static Interval exactly(double n) {
        return new Interval(n, true, n, true);
    }

    public static Interval closed(double low, double high) {
        return new Interval(low, true, high, true);
    }

    public static Interval moreThan(double n) {
        return new Interval(n, false, Double.POSITIVE_INFINITY, false);
    }

    public static Interval atLeast(double n) {
        return new Interval(n, true, Double.POSITIVE_INFINITY, false);
    }

    public static Interval lessThan(double n) {
        return new Interval(0, true, n, false);
    }

    public static Interval atMost(double n) {
        return new Interval(0, true, n, true);
    }

    /** Both can be true at once: some value lies in both. */
    public boolean intersects(Interval o) {
        // the larger of the lows against the smaller of the highs
        double lo;
        boolean loClosed;
        if (low > o.low) {
            lo = low;
            loClosed = lowClosed;
        } else if (o.low > low) {
            lo = o.low;
            loClosed = o.lowClosed;
        } else {
            lo = low;
            loClosed = lowClosed && o.lowClosed;
        }
        double hi;
        boolean hiClosed;
        if (high < o.high) {
            hi = high;
            hiClosed = highClosed;
        } else if (o.high < high) {
            hi = o.high;
            hiClosed = o.highClosed;
        } else {
            hi = high;
            hiClosed = highClosed && o.highClosed;
        }
        return lo < hi || (lo == hi && loClosed && hiClosed);
    }

    /** This interval lies inside the other one (and is not the same). */
    public boolean strictlyInside(Interval o) {
        boolean lowInside = low > o.low || (low == o.low && (o.lowClosed || !lowClosed));
        boolean highInside = high < o.high || (high == o.high && (o.highClosed || !highClosed));
        return lowInside && highInside && !equals(o);
    }

    public boolean isExact() {
        return low == high;
    }

    @Override
    public String toString() {
        if (isExact()) {
            return number(low);
        }
        return (lowClosed ? "[" : "(") + number(low) + ", " + (Double.isInfinite(high) ? "∞" : number(high))
                + (highClosed ? "]" : ")");
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
