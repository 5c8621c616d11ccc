package org.factspan.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * First start with an empty user table: creates {@code admin} and, unless {@code FACTSPAN_DEMO=false},
 * the demo team (curator {@code carol}, annotators {@code alice} and {@code bob}). Passwords come from
 * {@code FACTSPAN_ADMIN_PASSWORD} / {@code FACTSPAN_DEMO_PASSWORD} or are random; when the app is ready,
 * a banner prints the URL and, this once, the credentials.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

    static final List<String> DEMO_ANNOTATORS = List.of("alice", "bob");
    static final String DEMO_CURATOR = "carol";

    private final UserService users;
    private final Environment environment;
    private final String adminPassword;
    private final String demoPassword;
    private final boolean demo;
    private final List<String> created = new ArrayList<>();

    FirstStart(UserService users, Environment environment, @Value("${factspan.admin-password:}") String adminPassword,
            @Value("${factspan.demo-password:}") String demoPassword, @Value("${factspan.demo:true}") boolean demo) {
        this.users = users;
        this.environment = environment;
        this.adminPassword = adminPassword;
        this.demoPassword = demoPassword;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasUsers()) {
            return;
        }
        String admin = adminPassword.isBlank() ? randomPassword() : adminPassword;
        users.create("admin", "Administrator", admin, Role.ADMIN);
        created.add(line("admin", admin, "ADMIN", !adminPassword.isBlank(), "FACTSPAN_ADMIN_PASSWORD"));
        if (demo) {
            String password = demoPassword.isBlank() ? randomPassword() : demoPassword;
            boolean fromEnv = !demoPassword.isBlank();
            users.create(DEMO_CURATOR, "Carol (curator)", password, Role.CURATOR);
            created.add(line(DEMO_CURATOR, password, "CURATOR", fromEnv, "FACTSPAN_DEMO_PASSWORD"));
            for (String name : DEMO_ANNOTATORS) {
                users.create(name, Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (annotator)", password,
                        Role.ANNOTATOR);
                created.add(line(name, password, "ANNOTATOR", fromEnv, "FACTSPAN_DEMO_PASSWORD"));
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void printBanner() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder banner = new StringBuilder("\n")
                .append("=".repeat(72)).append('\n')
                .append("  Factspan is running at http://localhost:").append(port).append("/\n");
        if (!created.isEmpty()) {
            banner.append("  First start: these accounts were created (shown only this once):\n");
            created.forEach(c -> banner.append("    ").append(c).append('\n'));
        }
        banner.append("=".repeat(72)).append('\n');
        System.out.println(banner);
    }

    private static String line(String user, String password, String role, boolean fromEnv, String env) {
        return String.format("%-6s %-12s password: %s", user, "(" + role.toLowerCase() + ")",
                fromEnv ? "(from " + env + ")" : password);
    }

    private static String randomPassword() {
        final String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
