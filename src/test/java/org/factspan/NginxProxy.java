package org.factspan;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running the project's own {@code deploy/nginx.conf} in front of two instances named {@code a} and
 * {@code b}, on a free loopback port, with its files under a work folder (the proxy test, the load benchmark).
 */
public final class NginxProxy implements AutoCloseable {

    public static final String NGINX = System.getenv().getOrDefault("FACTSPAN_NGINX", "/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private NginxProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx in front of {@code a} and {@code b} and waits (up to 20 s) until it answers. */
    public static NginxProxy start(Path work, AppInstance a, AppInstance b) throws Exception {
        if (!Files.isExecutable(Path.of(NGINX))) {
            throw new IllegalStateException("nginx not found at " + NGINX
                    + ": install Debian's nginx package (scripts/ensure-test-packages.sh does) or set FACTSPAN_NGINX");
        }
        int port = AppInstance.freePort();
        String config = Files.readString(Path.of("deploy", "nginx.conf"), StandardCharsets.UTF_8)
                .replace("__PORT_A__", Integer.toString(a.port())).replace("__PORT_B__", Integer.toString(b.port()))
                .replace("__PROXY_PORT__", Integer.toString(port)).replace("__WORK__", work.toString());
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, config, StandardCharsets.UTF_8);
        // as root, nginx's workers would run as nobody and could not write the temp folders under work
        String global = "daemon off;" + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
        Process process = new ProcessBuilder(List.of(NGINX, "-p", work.toString(), "-c", conf.toString(), "-g", global))
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        NginxProxy proxy = new NginxProxy(process, port);
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("nginx answers; see " + work.resolve("error.log")).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).ignoreException(IOException.class)
                    .failFast("nginx exited; see " + work.resolve("nginx.out") + " and " + work.resolve("error.log"),
                            () -> !process.isAlive())
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(proxy.url("/login"))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            return proxy;
        } catch (RuntimeException | Error e) {
            proxy.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
