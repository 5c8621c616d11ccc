package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresLockForAMinuteAndEachFurtherOneDoublesTheWait() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("bob", null);
            assertThat(throttle.isLocked("bob")).as("after %d failures", i).isFalse();
        }
        throttle.failed("bob", null);
        assertThat(throttle.lockedFor("bob")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.isLocked("BOB")).as("names are compared without case").isTrue();
        assertThat(throttle.isLocked("alice")).isFalse();

        clock.now = clock.now.plusSeconds(61);
        assertThat(throttle.isLocked("bob")).isFalse();
        throttle.failed("bob", null);
        assertThat(throttle.lockedFor("bob")).isEqualTo(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("bob", null);
        }
        assertThat(throttle.lockedFor("bob")).isEqualTo(LoginThrottle.MAX_LOCK);
    }

    @Test
    void aSuccessClearsTheCountAndOldFailuresAreForgotten() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("carol", null);
        }
        throttle.succeeded("carol");
        throttle.failed("carol", null);
        assertThat(throttle.isLocked("carol")).isFalse();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 2; i++) {
            throttle.failed("carol", null);
        }
        clock.now = clock.now.plus(LoginThrottle.MEMORY).plusSeconds(1);
        throttle.failed("carol", null);
        assertThat(throttle.isLocked("carol")).as("the count started again after an hour").isFalse();
    }
}
