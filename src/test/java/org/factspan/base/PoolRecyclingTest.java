package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.factspan.TestUsers;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The connection pool retires connections (Hikari: after 30 minutes), Flyway's among them. With H2 2.4.240 every insert
 * into a table with a {@code CHECK ... IN (...)} constraint then failed with "The database has been closed" until a
 * restart, so a new install broke half an hour after its first start. V11 rewrote the constraints as searched CASE
 * expressions (decision 022): writes must keep working on fresh connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolRecyclingTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    UserService users;

    @Test
    void writesWorkAfterThePoolReplacedEveryConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();
        // app_user has CHECK (role IN (...)): the constraint that broke
        assertThatCode(() -> users.create("pool-recycled", "Pool Recycled", TestUsers.DEMO_PASSWORD, Role.ANNOTATOR))
                .doesNotThrowAnyException();
    }
}
