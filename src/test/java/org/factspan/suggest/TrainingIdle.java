package org.factspan.suggest;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Test and benchmark hook: waits until no recommender retraining is scheduled or running (true when none is). */
public final class TrainingIdle {

    private TrainingIdle() {
    }

    public static boolean await(ApplicationContext context, Duration timeout) {
        SuggestionService suggestions = context.getBeanProvider(SuggestionService.class).getIfAvailable();
        return suggestions == null || suggestions.awaitTraining(timeout);
    }
}
