package org.factspan;

/** Credentials of the users created on first start in tests (see src/test/resources/config). */
public final class TestUsers {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String DEMO_PASSWORD = "demo-secret-1";
    public static final String SEED_PROJECT = "kazakhstan-2022";

    private TestUsers() {
    }
}
