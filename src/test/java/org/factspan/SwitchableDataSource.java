package org.factspan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source with a switch, for storage-failure tests (decision 017): {@link Mode#CLOSED} answers
 * every use of the database as H2 does once it closed itself after a full disk ("The database has been closed",
 * 90098; {@code isValid()} still says true, as H2's does), {@link Mode#READ_ONLY} refuses writes as H2 does on a
 * read-only file (90097), {@link Mode#OK} passes everything through. No test fills a real disk.
 */
public class SwitchableDataSource extends DelegatingDataSource {

    public enum Mode {
        OK, CLOSED, READ_ONLY
    }

    /** Wraps the application's {@code dataSource} bean. */
    public static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof SwitchableDataSource) && name.equals("dataSource")
                        ? new SwitchableDataSource(ds) : bean;
            }
        };
    }

    private volatile Mode mode = Mode.OK;

    public SwitchableDataSource(DataSource target) {
        super(target);
    }

    public void set(Mode mode) {
        this.mode = mode;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    Mode now = mode;
                    boolean harmless = name.equals("close") || name.equals("isClosed") || name.equals("isValid")
                            || name.equals("unwrap") || name.equals("isWrapperFor") || name.equals("toString")
                            || name.equals("hashCode") || name.equals("equals");
                    if (now == Mode.CLOSED && !harmless) {
                        throw DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED);
                    }
                    if (now == Mode.READ_ONLY && args != null && args.length > 0 && args[0] instanceof String sql
                            && (name.startsWith("prepare") || name.equals("nativeSQL")) && writes(sql)) {
                        throw DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_READ_ONLY);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean writes(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete") || s.startsWith("merge")
                || s.startsWith("create") || s.startsWith("alter") || s.startsWith("drop");
    }
}
