package org.factspan.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Refusals;
import org.factspan.base.StorageFailures;
import org.factspan.base.StorageUnavailableException;
import org.factspan.base.TooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The views' one notification runner: every refusal of the hierarchy, a lost race, a refused record value and a
 * storage failure become one error notification in the REST API's words; a change that went through says so; a bug is
 * not swallowed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class NotifyTest extends SpringBrowserlessTest {

    @Test
    void everyRefusalIsAnErrorNotificationWithItsMessageAndNothingElseRuns() {
        List<RuntimeException> refusals = List.of(new NotFoundException("No span 7"), new InvalidRequestException("bad"),
                new ForbiddenException("not yours"), new ConflictException("taken"), new TooLargeException("too big"),
                new IllegalArgumentException("colour must be #rrggbb"));
        for (RuntimeException refusal : refusals) {
            boolean[] after = {false};
            boolean ok = Notify.run(() -> {
                if (true) {
                    throw refusal;
                }
                after[0] = true;
                return "done";
            });
            assertThat(ok).isFalse();
            assertThat(after[0]).isFalse();
        }
        assertThat(texts()).containsExactly("No span 7", "bad", "not yours", "taken", "too big",
                "colour must be #rrggbb");
        assertThat(find(Notification.class).all()).allSatisfy(n -> assertThat(n.getElement().getThemeList())
                .contains("error"));
    }

    @Test
    void aLostRaceAndAStorageFailureSayWhatTheRestApiSays() {
        assertThat(Notify.attempt(() -> {
            throw new ObjectOptimisticLockingFailureException("Span", 1L);
        })).isFalse();
        assertThat(Notify.call(() -> {
            throw new StorageUnavailableException("index", new java.io.IOException("No space left on device"));
        })).isEmpty();
        assertThat(texts()).containsExactly(Refusals.CHANGED, StorageFailures.MESSAGE);
    }

    @Test
    void aChangeThatWentThroughSaysSoInGreen() {
        assertThat(Notify.run(() -> "Saved")).isTrue();
        assertThat(Notify.call(() -> 42)).contains(42);
        assertThat(texts()).containsExactly("Saved");
        assertThat(find(Notification.class).single().getElement().getThemeList()).contains("success");
    }

    @Test
    void aBugIsThrownOnNotShownAsARefusal() {
        assertThatThrownBy(() -> Notify.run(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Notify.run(() -> {
            throw new NullPointerException();
        })).isInstanceOf(NullPointerException.class);
        assertThat(find(Notification.class).all()).isEmpty();
    }

    private List<String> texts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
