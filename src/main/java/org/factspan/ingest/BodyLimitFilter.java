package org.factspan.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.base.TooLargeException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body is bounded before anything parses it: a declared {@code Content-Length} over the limit is answered
 * {@code 413} with a JSON message at once, and a body without one (chunked) is read through a counting stream that
 * stops at the limit ({@link TooLargeException}, which the API answers with 413 too). Multipart bodies, which the
 * servlet container parses itself (to disk, within {@code spring.servlet.multipart.*}), are measured part by part.
 * The limit is {@link BodyLimits#maxBodyBytes()}, except on the upload endpoints ({@link #UPLOADS}), where it is
 * {@link ImportLimits#maxRequestBytes()} and each upload's reader bounds each file again. Runs after Spring Security, so
 * an anonymous caller still gets 401 and nothing is read for it.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter implements Ordered {

    /** The endpoints that take uploads (method and path pattern): document and annotation import, browser uploads. */
    static final List<String> UPLOADS = List.of("POST /api/v1/projects/{slug}/documents",
            "POST /api/v1/projects/{slug}/annotations", "POST /VAADIN/dynamic/resource/**");

    private record Upload(String method, PathPattern pattern) {
    }

    private final long maxBody;
    private final long maxUpload;
    private final List<Upload> uploads;
    private final JsonMapper json = JsonMapper.builder().build();

    BodyLimitFilter(BodyLimits body, ImportLimits imports) {
        this.maxBody = body.maxBodyBytes().toBytes();
        this.maxUpload = imports.maxRequestBytes();
        this.uploads = UPLOADS.stream().map(u -> new Upload(u.substring(0, u.indexOf(' ')),
                PathPatternParser.defaultInstance.parse(u.substring(u.indexOf(' ') + 1)))).toList();
    }

    @Override
    public int getOrder() {
        return -90; // after Spring Security's filter chain (-100)
    }

    /** The limit of this request's body. */
    long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        for (Upload upload : uploads) {
            if (upload.method().equalsIgnoreCase(request.getMethod()) && upload.pattern().matches(container)) {
                return maxUpload;
            }
        }
        return maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, message(limit, limit == maxUpload) + " (it declares " + declared + " bytes)");
            return;
        }
        chain.doFilter(new Limited(request, limit, message(limit, limit == maxUpload)), response);
    }

    static String message(long limit, boolean upload) {
        return "The request body is larger than " + limit + " bytes, the limit of " + (upload
                ? "an upload (FACTSPAN_IMPORT_MAX_REQUEST_BYTES)" : "a request (FACTSPAN_MAX_BODY_BYTES)")
                + "; nothing was read or changed";
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the client may still be sending: tell it the connection ends here, instead of reading the rest
        response.setHeader("Connection", "close");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        body.put("timestamp", Instant.now().toString());
        byte[] bytes = json.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The request with its body counted: reading past the limit throws {@link TooLargeException}. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final String message;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit, String message) {
            super(request);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit, message);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            Collection<Part> parts = super.getParts();
            long total = 0;
            for (Part part : parts) {
                total += part.getSize();
            }
            if (total > limit) {
                throw new TooLargeException(message);
            }
            return parts;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String message;
        private long count;

        Counted(ServletInputStream in, long limit, String message) {
            this.in = in;
            this.limit = limit;
            this.message = message;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new TooLargeException(message);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
