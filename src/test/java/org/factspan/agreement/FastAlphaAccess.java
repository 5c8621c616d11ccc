package org.factspan.agreement;

import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/** Lets the benchmarks call the package-private {@link FastUnitizingAlpha}. */
public final class FastAlphaAccess {

    private FastAlphaAccess() {
    }

    public static double alpha(UnitizingAnnotationStudy study) {
        return new FastUnitizingAlpha(study).calculateAgreement();
    }
}
