package org.factspan;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Factspan instance in a process of its own, on PostgreSQL (or H2), from the test class path (several-instance,
 * kill-restart and SIGKILL tests, the load benchmark): started on a free port with its own search index and backup
 * folder (a restart under the same name finds them again), waited for until its API answers, stopped or killed
 * (SIGKILL) by the test. Each start writes a log of its own.
 */
public final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts an instance named {@code name} (also its instance route, so its session ids end in {@code .name}) on
     * the PostgreSQL database at {@code url}, with its files under {@code work}; {@code extra} adds Spring
     * arguments ({@code --key=value}).
     */
    public static AppInstance start(String name, Path work, String url, String... extra) throws IOException {
        return launch(name, work, List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password="), extra);
    }

    /**
     * An instance on the database at {@code url} with no other database settings: the H2 URL the application ships
     * with, pointed at a folder of the test's (kill-restart tests).
     */
    public static AppInstance startOnDatabase(String name, Path work, String url, String... extra) throws IOException {
        return launch(name, work, List.of("--spring.datasource.url=" + url), extra);
    }

    /** One instance on its own H2 file database under {@code work} (the default setup), for comparisons. */
    public static AppInstance startOnH2(String name, Path work, String... extra) throws IOException {
        return launch(name, work, List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve(name + "-db")
                + ";WRITE_DELAY=0"), extra);
    }

    private static AppInstance launch(String name, Path work, List<String> database, String... extra)
            throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = work.resolve(name + ".log");
        for (int run = 2; Files.exists(log); run++) {
            log = work.resolve(name + "-" + run + ".log");
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.factspan.Application", "--server.port=" + port, "--factspan.instance-route=" + name,
                "--factspan.search.index-dir=" + work.resolve(name + "-index"),
                "--factspan.backup-dir=" + work.resolve(name + "-backups"),
                "--factspan.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--factspan.demo-password=" + TestUsers.DEMO_PASSWORD, "--vaadin.devmode.devTools.enabled=false",
                "--vaadin.launch-browser=false", "--vaadin.devmode.usageStatistics.enabled=false"));
        command.addAll(database);
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("FACTSPAN_DB_URL");
        return new AppInstance(name, port, pb.start(), log);
    }

    /** Waits (up to three minutes) until the instance answers an admin's API call; fails at once if it exits. */
    public AppInstance awaitUp() {
        await("instance " + name + " on port " + port + " up; its log: " + log).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).ignoreException(ConnectException.class)
                .failFast("instance " + name + " on port " + port + " exited; its log: " + log,
                        () -> !process.isAlive())
                .until(() -> call("GET", "/api/v1/projects", basic("admin", TestUsers.ADMIN_PASSWORD), null)
                        .statusCode() == 200);
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the machine or the process dies, nothing is closed cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A call to this instance; {@code body} (JSON) may be null. */
    public HttpResponse<String> call(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
