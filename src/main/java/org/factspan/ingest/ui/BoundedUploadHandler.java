package org.factspan.ingest.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.factspan.base.Quote;
import org.factspan.base.TooLargeException;
import org.factspan.ingest.Bounded;
import org.factspan.ingest.UploadedFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives files uploaded in the browser into memory, at most {@code maxBytes} each, as the REST imports do; the one
 * upload handler of every view that takes files. Vaadin checks {@link #getFileSizeMax()} only for multipart uploads;
 * its browser client sends each file as the raw request body, and Vaadin's own in-memory handler would read any amount
 * (the component's size limit is enforced in the browser only, which a hand-made request skips). So this handler reads
 * one byte more than allowed and refuses the file when it gets it, answering 413 with the reason.
 */
public final class BoundedUploadHandler implements UploadHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxBytes;
    private final Consumer<UploadedFile> received;
    private final Consumer<String> refused;
    /** Refusals for size not answered yet: {@link #responseHandled} answers them with 413. */
    private final Set<String> tooLarge = ConcurrentHashMap.newKeySet();

    public BoundedUploadHandler(long maxBytes, Consumer<UploadedFile> received, Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = Bounded.read(in, -1, maxBytes, Quote.bare(event.getFileName()));
        } catch (TooLargeException e) {
            tooLarge.add(e.getMessage());
            event.reject(e.getMessage());
            refused.accept(e.getMessage());
            return;
        }
        received.accept(new UploadedFile(event.getFileName(), bytes));
    }

    /** A file refused for its size is answered {@code 413} (Vaadin answers 422 to every refusal). */
    @Override
    public void responseHandled(UploadResult result) {
        boolean size = result.exception() == null && result.allRejected()
                && result.rejectedFiles().stream().allMatch(f -> tooLarge.remove(f.reason()));
        if (size) {
            try {
                result.response().setStatus(413);
                result.response().setContentType("application/json");
                result.response().getOutputStream().write(JSON.writeValueAsBytes(Map.of("status", 413, "error",
                        "Content Too Large", "message", result.rejectedFiles().get(0).reason())));
            } catch (IOException e) {
                result.response().setStatus(413);
            }
            return;
        }
        UploadHandler.super.responseHandled(result);
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
