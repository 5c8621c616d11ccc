package org.factspan;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several cached Spring contexts live in one test JVM, and each Vaadin security setup installs its own
 * {@link SecurityContextHolderStrategy} in the static {@link SecurityContextHolder}; the last one wins.
 * Before each test this points the static holder at the strategy of the test's own context, so that
 * {@code @WithUserDetails} (which writes through the context's bean) and Vaadin's browserless security
 * support (which reads the static holder) see the same user.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
