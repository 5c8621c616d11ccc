package org.factspan.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.factspan.security.ui.LoginView;

/**
 * Three filter chains: the OpenAPI description (public), the REST API under {@code /api/**} (stateless, HTTP
 * Basic or a personal Bearer token, JSON errors, no CSRF because no cookie authenticates it) and the Vaadin UI
 * (form login through {@link LoginView}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Security headers go out before the response is written: Vaadin's pages and our JSON errors commit the
     * response in ways that can bypass Spring Security's lazy writing, which then sent no headers at all.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> EAGER_HEADERS = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, UserService users,
            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        var bearer = new BearerTokenFilter(tokens, users,
                strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), SecurityConfig::writeError);
        http.securityMatcher("/api/**")
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, ex) -> writeError(response, 401, "Unauthorized",
                                ex instanceof LockedException
                                        ? "Too many failed logins for this user name: it is locked for a few minutes"
                                        : "Valid credentials are required (HTTP Basic or a Bearer API token)")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> writeError(response, 401, "Unauthorized",
                                "Valid credentials are required (HTTP Basic or a Bearer API token)"))
                        .accessDeniedHandler((request, response, e) -> writeError(response, 403, "Forbidden",
                                "You do not have permission for this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> {
                    headers.addObjectPostProcessor(EAGER_HEADERS);
                    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
                })
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The OpenAPI description and its browsable UI: public, they describe the API and hold no data. */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/images/**", "/icons/**",
                "/favicon.ico").permitAll());
        // Vaadin lets the login form's post through without a CSRF token: refuse one sent from another site
        http.addFilterBefore(new SameOriginLoginFilter("/login"),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        // Vaadin's client needs inline bootstrap scripts, eval for executeJs and inline styles; everything
        // else may come only from this origin, and no other site may frame the app.
        http.headers(headers -> {
            headers.addObjectPostProcessor(EAGER_HEADERS);
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
        });
        // Any other address needs a login (Vaadin's default is to refuse it with a bare 403): a logged-in user then
        // reaches the router, which shows Factspan's "Page not found" (base.ui.NotFoundView) with a way back.
        return http.with(VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).anyRequest(any -> any.authenticated())).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static void writeError(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + message + "\",\"timestamp\":\"" + Instant.now() + "\"}");
        // commit through Spring Security's response wrapper, so that its security headers are written too
        response.flushBuffer();
    }
}
