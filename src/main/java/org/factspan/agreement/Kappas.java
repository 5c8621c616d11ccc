package org.factspan.agreement;

import org.dkpro.statistics.agreement.IAgreementMeasure;
import org.dkpro.statistics.agreement.ICategorySpecificAgreement;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;

/** Undefined-safe calls into DKPro's kappa classes. */
final class Kappas {

    private Kappas() {
    }

    /** The chance-corrected agreement, NaN when DKPro finds too little variation. */
    static double agreement(IAgreementMeasure measure) {
        try {
            return measure.calculateAgreement();
        } catch (InsufficientDataException e) {
            return Double.NaN;
        }
    }

    /** The category-specific agreement, NaN when the category is unused or DKPro finds too little variation. */
    static double categoryAgreement(ICategorySpecificAgreement measure,
            CodingAnnotationStudy study, String category) {
        boolean used = false;
        for (Object c : study.getCategories()) {
            used |= c.equals(category);
        }
        if (!used) {
            return Double.NaN;
        }
        try {
            return measure.calculateCategoryAgreement(category);
        } catch (InsufficientDataException | ArithmeticException e) {
            return Double.NaN;
        }
    }
}
