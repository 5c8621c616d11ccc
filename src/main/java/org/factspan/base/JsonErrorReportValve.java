package org.factspan.base;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before Factspan sees them (an encoded slash {@code %2F}, a raw {@code [} in the
 * path, a malformed request line) and answers them with its own HTML error page. This valve writes those answers as
 * the same JSON as every other error ({@code {"status", "error", "message", "timestamp"}}), for every path: a
 * request Tomcat cannot parse has no path to decide by (decision 017). Errors the application answers itself are
 * not touched: Tomcat calls the valve only for a response nobody wrote.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        String message = status == 400 ? "The request is malformed: its address or headers cannot be read (an encoded"
                + " slash %2F or backslash %5C, or a character such as [ ] { } | that must be percent-encoded)"
                : reason;
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status\":" + status + ",\"error\":\"" + reason + "\",\"message\":\"" + message
                        + "\",\"timestamp\":\"" + Instant.now() + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing to report to
        }
    }

    /** Installs the valve on Spring Boot's embedded Tomcat, in place of Tomcat's HTML one. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }
    }
}
