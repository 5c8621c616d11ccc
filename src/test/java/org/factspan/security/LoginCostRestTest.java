package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.factspan.ApiClient;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;

/**
 * Issue 13, "Login costs attackers, not the server": one message for locked names whether they exist or not; unknown
 * names are throttled per name and per client address; bcrypt runs only for existing, enabled,
 * unthrottled users, and an unknown name's answer takes as long as a bcrypt check without costing one. Every test here
 * locks the loopback address or names on it, and forgets the counts afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginCostRestTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;

    ApiClient api;
    PasswordAuthenticationProvider passwords;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        throttle.forgetAll();
        passwords = ((ProviderManager) authentication).getProviders().stream()
                .filter(PasswordAuthenticationProvider.class::isInstance).map(PasswordAuthenticationProvider.class::cast)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void forget() {
        throttle.forgetAll();
    }

    static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    ApiClient.Reply basic(String user, String password) throws Exception {
        return api.json("GET", "/api/v1/me", ApiClient.basic(user, password), null);
    }

    @Test
    void aLockedUnknownNameGetsTheSameAnswerAsALockedKnownOne() throws Exception {
        String known = "known-" + tag();
        users.create(known, known, "right-password-1", Role.ANNOTATOR);
        String unknown = "nobody-" + tag();
        List<String> answers = new ArrayList<>();
        for (String name : List.of(known, unknown)) {
            for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                var wrong = basic(name, "wrong-" + i);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.message()).isEqualTo(LoginRefusals.BAD_PASSWORD);
            }
            var locked = basic(name, "right-password-1");
            assertThat(locked.status()).as(name).isEqualTo(429);
            answers.add(locked.message());
        }
        assertThat(answers.get(0)).isEqualTo(LoginThrottle.MESSAGE).isEqualTo(answers.get(1));
        assertThat(throttle.isLocked(unknown)).isTrue();
    }

    @Test
    void bcryptRunsOnlyForExistingEnabledUnthrottledNamesAndUnknownOnesWaitAsLong() throws Exception {
        String known = "timed-" + tag();
        users.create(known, known, "right-password-1", Role.ANNOTATOR);
        long before = passwords.passwordChecks();
        List<Long> unknownMillis = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            assertThat(basic("random-" + tag() + i, "whatever-1").status()).isEqualTo(401);
            unknownMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        assertThat(passwords.passwordChecks()).as("no bcrypt for unknown names").isEqualTo(before);
        List<Long> knownMillis = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            assertThat(basic(known, "wrong-" + i).status()).isEqualTo(401);
            knownMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        assertThat(passwords.passwordChecks()).as("one bcrypt per known name").isEqualTo(before + 4);
        // locked now: no bcrypt, not even for the right password
        basic(known, "wrong-last");
        long locked = passwords.passwordChecks();
        assertThat(basic(known, "right-password-1").status()).isEqualTo(429);
        assertThat(passwords.passwordChecks()).isEqualTo(locked);
        long average = passwords.averageCheck().toMillis();
        System.out.printf("login cost: a bcrypt check averages %d ms; unknown names answered in %s ms (no bcrypt),"
                + " wrong passwords of a known name in %s ms%n", average, unknownMillis, knownMillis);
        assertThat(unknownMillis).as("an unknown name waits as long as a check takes")
                .allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(average / 2));
    }

    @Test
    void unknownNamesFromOneAddressLockThatAddressForEveryNameButTokensStillWork() throws Exception {
        String token = ApiClient.bearer(tokens.create(users.findActor("alice").orElseThrow(), "cost").token());
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES - 1; i++) {
            assertThat(basic("spray-" + tag() + i, "password-" + i).status()).isEqualTo(401);
        }
        assertThat(basic("alice", TestUsers.DEMO_PASSWORD).status()).as("not locked yet").isEqualTo(200);
        var wrongToken = api.json("GET", "/api/v1/me", ApiClient.bearer(ApiTokenService.PREFIX + "guess"), null);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.message()).isEqualTo(LoginRefusals.BAD_TOKEN);
        assertThat(basic("spray-last-" + tag(), "password-x").status()).isEqualTo(401);
        long checks = passwords.passwordChecks();
        var refused = basic("alice", TestUsers.DEMO_PASSWORD);
        assertThat(refused.status()).as("the address is locked, for every name").isEqualTo(429);
        assertThat(refused.message()).isEqualTo(LoginThrottle.MESSAGE);
        assertThat(basic("nobody-" + tag(), "x-password-1").message()).isEqualTo(LoginThrottle.MESSAGE);
        assertThat(passwords.passwordChecks()).isEqualTo(checks);
        assertThat(api.json("GET", "/api/v1/me", token, null).status()).as("a valid token is no guess").isEqualTo(200);
    }
}
