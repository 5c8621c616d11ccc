package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** User management and tokens: every refusal leaves users and tokens as they were; tokens are kept hashed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdminServiceTest {

    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    Actor admin() {
        return users.findActor("admin").orElseThrow();
    }

    long userCount() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class);
    }

    @Test
    void refusedChangesStoreNothing() {
        String tag = Long.toString(System.nanoTime(), 36);
        Actor carol = users.findActor("carol").orElseThrow();
        long before = userCount();
        assertThatThrownBy(() -> users.createUser(carol, "u" + tag, "U", "long-enough-1", Role.ADMIN))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.createUser(admin(), "u" + tag, "U", "x".repeat(73), Role.ANNOTATOR))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> users.createUser(admin(), "U " + tag, "U", "long-enough-1", Role.ANNOTATOR))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> users.createUser(admin(), "alice", "A", "long-enough-1", Role.ANNOTATOR))
                .isInstanceOf(ConflictException.class);
        assertThat(userCount()).isEqualTo(before);

        assertThatThrownBy(() -> users.updateUser(admin(), "admin", null, Role.CURATOR, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> users.updateUser(carol, "alice", null, null, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.resetPassword(carol, "alice", "new-password-1"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.findActor("alice")).isPresent();
        assertThat(users.me(admin()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void tokensAreStoredAsSha256Only() {
        String tag = Long.toString(System.nanoTime(), 36);
        users.createUser(admin(), "t" + tag, "T", "long-enough-1", Role.ANNOTATOR);
        Actor owner = users.findActor("t" + tag).orElseThrow();
        NewApiToken created = tokens.create(owner, "ci");
        var row = jdbc.queryForMap("select * from api_token where id = ?", created.info().id());
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(created.token().substring(10)));
        assertThat(row.get("TOKEN_HASH")).isEqualTo(ApiTokenService.hash(created.token()));
        assertThat(tokens.authenticate(created.token()).map(ApiTokenService.TokenUser::username)).contains("t" + tag);
        assertThat(tokens.authenticate(created.token().substring(0, 46))).isEmpty();
        assertThat(tokens.list(owner)).extracting(ApiTokenInfo::lastUsedAt).doesNotContainNull();
        assertThatThrownBy(() -> tokens.revoke(admin(), created.info().id())).isInstanceOf(
                org.factspan.base.NotFoundException.class);
        assertThat(tokens.list(owner)).hasSize(1);
    }
}
