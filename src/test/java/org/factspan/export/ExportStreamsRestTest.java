package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.factspan.ApiClient;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.security.ApiTokenService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Issue 13, "Streams finish": every export format and set, streamed over HTTP with Basic and with a Bearer token,
 * completes (a cut-off chunked body fails the HTTP client) and is byte for byte what the export dialog of a browser
 * session writes (the same prepared export, written on the view's background thread). The clock is fixed so that
 * the dataset cards' "exported at" agree. Nothing in the log may say a response was already committed.
 */
@Tag("slow") // about 13 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "factspan.test.context=export-streams")
class ExportStreamsRestTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ExportService exports;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    final HttpClient http = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final List<Logger> watched = new ArrayList<>();

    @BeforeEach
    void watchTheLog() {
        log.start();
        for (String name : List.of("ROOT", "org.apache.catalina", "org.springframework")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(log);
            watched.add(logger);
        }
    }

    @AfterEach
    void stopWatching() {
        watched.forEach(l -> l.detachAppender(log));
    }

    byte[] download(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).GET().build();
        // a body cut off before its last chunk makes the client throw here
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /**
     * A REST export streams on Spring MVC's async support, whose timeout is the servlet container's unless set: 30 s
     * on Tomcat, after which the client gets a bare 503 halfway through (PeerBench's conll export on a busy machine).
     * An export of 10,000 documents takes minutes on two cores (ExportBench at full scale), so the limit is 30 minutes.
     */
    @Test
    void aLongExportIsNotCutByTheServletContainersAsyncTimeout(
            @Autowired org.springframework.boot.webmvc.autoconfigure.WebMvcProperties mvc) {
        assertThat(mvc.getAsync().getRequestTimeout()).as("spring.mvc.async.request-timeout")
                .isNotNull().isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void everyFormatAndSetCompletesIdenticallyWithBasicBearerAndTheBrowserSessionsExport() throws Exception {
        var carol = users.findActor("carol").orElseThrow();
        String token = tokens.create(carol, "export script", null).token();
        List<String> sets = exports.sets(carol, TestUsers.SEED_PROJECT);
        assertThat(sets).contains("carol", "all", "gold");
        int compared = 0;
        long bytes = 0;
        for (String format : exports.exportFormats()) {
            for (String set : sets) {
                for (boolean zip : List.of(false, true)) {
                    if (zip && exports.writesCard(format)) {
                        continue; // a zip with a card already
                    }
                    String path = "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/export?format=" + format + "&set="
                            + set + (zip ? "&zip=true" : "");
                    byte[] basic = download(path, ApiClient.basic("carol"));
                    byte[] bearer = download(path, ApiClient.bearer(token));
                    var session = new ByteArrayOutputStream();
                    exports.prepare(carol, TestUsers.SEED_PROJECT, format, set,
                            new AnnotationFilter(Set.of(), Set.of()), zip).writeTo(session, (written, total) -> {
                            });
                    assertThat(basic).as(format + " " + set + " zip=" + zip + ": Basic").isEqualTo(session.toByteArray());
                    assertThat(bearer).as(format + " " + set + " zip=" + zip + ": Bearer").isEqualTo(basic);
                    compared++;
                    bytes += basic.length;
                }
            }
        }
        System.out.printf("streams: %d exports (%d formats x %d sets, plain and zipped) identical over Basic, Bearer"
                + " and the session's writer, %d bytes each way%n", compared, exports.exportFormats().size(),
                sets.size(), bytes);
        assertThat(compared).isGreaterThanOrEqualTo(exports.exportFormats().size() * sets.size());
        assertThat(bytes).as("the seed project exports something").isGreaterThan(100_000);
        assertThat(log.list).map(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("already committed") || m.contains("AuthorizationDenied"));
        assertThat(log.list).map(e -> String.valueOf(e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getClassName() + e.getThrowableProxy().getMessage()))
                .noneMatch(m -> m.contains("already committed") || m.contains("AuthorizationDenied"));
    }
}
