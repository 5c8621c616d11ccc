package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SameOriginLoginFilterTest {

    final SameOriginLoginFilter filter = new SameOriginLoginFilter("/login");

    int status(String method, String path, String host, String forwardedHost, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.addHeader("Host", host);
        if (forwardedHost != null) {
            request.addHeader("X-Forwarded-Host", forwardedHost);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 0; // 0: passed on
    }

    @Test
    void aLoginPostFromAnotherSiteIsRefused() throws Exception {
        assertThat(status("POST", "/login", "localhost:8080", null, "http://evil.example")).isEqualTo(403);
        assertThat(status("POST", "/login", "localhost:8080", null, "http://localhost:9999")).isEqualTo(403);
        assertThat(status("POST", "/login", "localhost:8080", null, "null")).isEqualTo(403);
        assertThat(status("POST", "/login", "factspan.example", null, "https://factspan.example.evil.example"))
                .isEqualTo(403);
    }

    @Test
    void theAppsOwnLoginPostAndOtherRequestsPass() throws Exception {
        assertThat(status("POST", "/login", "localhost:8080", null, "http://localhost:8080")).isZero();
        assertThat(status("POST", "/login", "factspan.example", null, "https://factspan.example")).isZero();
        assertThat(status("POST", "/login", "factspan.example:443", null, "https://factspan.example")).isZero();
        // behind a proxy that forwards the public host
        assertThat(status("POST", "/login", "app-1:8080", "factspan.example", "https://factspan.example")).isZero();
        // no Origin: not a browser's cross-site post
        assertThat(status("POST", "/login", "localhost:8080", null, null)).isZero();
        // other paths and methods are not this filter's business
        assertThat(status("GET", "/login", "localhost:8080", null, "http://evil.example")).isZero();
        assertThat(status("POST", "/other", "localhost:8080", null, "http://evil.example")).isZero();
    }
}
