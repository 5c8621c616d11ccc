package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Until the first start has finished, requests get a 503 and reach nothing; afterwards they pass untouched. */
class StartupGateTest {

    final AtomicReference<ReadinessState> readiness = new AtomicReference<>(ReadinessState.REFUSING_TRAFFIC);
    final StartupGate gate = new StartupGate(new ApplicationAvailability() {
        @Override
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == ReadinessState.class ? type.cast(readiness.get()) : type.cast(LivenessState.CORRECT);
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return getState(type, null);
        }

        @Override
        public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S> getLastChangeEvent(
                Class<S> type) {
            return null;
        }
    });

    @Test
    void scriptsGetJson503WhileStartingAndBrowsersAPageThatReloads() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse api = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/v1/projects"), api, chain);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader("Retry-After")).isEqualTo("5");
        assertThat(api.getContentAsString()).contains(StartupGate.MESSAGE).startsWith("{\"status\":503");
        assertThat(chain.getRequest()).as("the request reached nothing").isNull();

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
        page.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse html = new MockHttpServletResponse();
        gate.doFilter(page, html, new MockFilterChain());
        assertThat(html.getStatus()).isEqualTo(503);
        assertThat(html.getContentAsString()).contains("Factspan is starting").contains("http-equiv=\"refresh\"");
    }

    @Test
    void healthIsAnsweredWhileStartingAndEverythingPassesOnceReady() throws Exception {
        MockFilterChain health = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), health);
        assertThat(health.getRequest()).isNotNull();

        readiness.set(ReadinessState.ACCEPTING_TRAFFIC);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/v1/projects"), response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }
}
