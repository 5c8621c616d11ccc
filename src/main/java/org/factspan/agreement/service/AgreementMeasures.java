package org.factspan.agreement.service;

import org.factspan.agreement.AgreementMeasure;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Makes every concrete {@link AgreementMeasure} in {@code org.factspan.agreement} a Spring bean, so that
 * {@link AgreementService} receives them all as a {@code List<AgreementMeasure>}. The measures themselves stay plain
 * Java (no annotations, a public no-argument constructor): adding a measure is adding its one class.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = AgreementMeasure.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AgreementMeasure.class))
class AgreementMeasures {
}
