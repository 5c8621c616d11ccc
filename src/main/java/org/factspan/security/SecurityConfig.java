package org.factspan.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factspan.base.StorageFailures;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
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

    /**
     * One authentication manager for every chain: passwords (login form, HTTP Basic) and API tokens, each checked by
     * its provider (throttling, storage failures and timing in decision 017).
     */
    @Bean
    AuthenticationManager authenticationManager(AppUserRepository users, PasswordEncoder encoder,
            LoginThrottle throttle, ApiTokenService tokens, ObjectProvider<AuthenticationEventPublisher> events) {
        var manager = new ProviderManager(new PasswordAuthenticationProvider(users, encoder, throttle),
                new ApiTokenAuthenticationProvider(tokens));
        events.ifAvailable(manager::setAuthenticationEventPublisher);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AuthenticationManager authentication,
            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        AuthenticationEntryPoint refused = SecurityConfig::refuse;
        // Spring's own AuthenticationFilter for Bearer tokens: it keeps the result in the request (as HTTP Basic
        // does), so the async dispatch of a streamed export runs with the caller's security context too
        var bearer = new AuthenticationFilter(authentication, new ApiTokenAuthenticationProvider.Converter());
        bearer.setSecurityContextHolderStrategy(strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
        bearer.setSuccessHandler((request, response, auth) -> {
        }); // go on to the endpoint
        var failure = new AuthenticationEntryPointFailureHandler(refused);
        failure.setRethrowAuthenticationServiceException(false);
        bearer.setFailureHandler(failure);
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(refused))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(refused)
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

    /**
     * Why a REST call was not let in: the database cannot be read (503: not the caller's fault, not a login
     * question), a locked name or address (429, one message for every name), a bad token or bad credentials (401).
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginRefusals.StorageUnavailable) {
            response.setHeader("Retry-After", "30");
            writeError(response, 503, "Service Unavailable", StorageFailures.MESSAGE);
        } else if (e instanceof LoginRefusals.Throttled) {
            response.setHeader("Retry-After", "60");
            writeError(response, 429, "Too Many Requests", LoginThrottle.MESSAGE);
        } else if (e instanceof BadCredentialsException && LoginRefusals.BAD_TOKEN.equals(e.getMessage())) {
            writeError(response, 401, "Unauthorized", LoginRefusals.BAD_TOKEN);
        } else {
            writeError(response, 401, "Unauthorized", LoginRefusals.BAD_PASSWORD);
        }
    }

    /**
     * Spring Boot's health endpoint: public (load balancers and monitors ask it), with details for admins who send
     * credentials; every other actuator path is refused (decision 017).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationManager authentication)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll().anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfig::refuse))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfig::refuse))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        http.authenticationManager(authentication);
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

    /**
     * Spring Security's firewall refuses addresses it cannot trust (a {@code ;}, {@code //}, an encoded {@code %} or
     * {@code .}): with our JSON 400, not a bare status turned into an error page or a redirect (decision 017).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> writeError(response, 400, "Bad Request", "The request address is not accepted"
                + " (a ';', '//', an encoded '%', '.' or '/' in the path, or a character outside the URL's alphabet)");
    }

    /**
     * bcrypt at {@code factspan.security.bcrypt-strength} (default 10, as Spring Security's; 4 to 31). Hashes carry
     * their own strength, so a change applies to passwords set from then on. The tests use 4: they check who may do
     * what, not how long a password takes to guess, and a strength-10 check on every Basic-authenticated test request
     * was a large share of the fast test phase.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${factspan.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
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
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"timestamp\":\"" + Instant.now()
                + "\"}");
        // commit through Spring Security's response wrapper, so that its security headers are written too
        response.flushBuffer();
    }
}
