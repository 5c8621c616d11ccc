package org.factspan.corpus.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.factspan.corpus.UploadedFile;

/**
 * Receives uploaded files into memory, at most {@code maxBytes} each, as the REST import does. Vaadin checks
 * {@link #getFileSizeMax()} only for multipart uploads; its browser client sends each file as the raw request body,
 * and Vaadin's own in-memory handler would read any amount (the component's size limit is enforced in the browser
 * only, which a hand-made request skips). So this handler reads one byte more than allowed and refuses the file when
 * it gets it.
 */
final class BoundedUploadHandler implements UploadHandler {

    private final long maxBytes;
    private final Consumer<UploadedFile> received;
    private final Consumer<String> refused;

    BoundedUploadHandler(long maxBytes, Consumer<UploadedFile> received, Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            String message = event.getFileName() + ": is larger than " + maxBytes + " bytes; it was not received";
            event.reject(message);
            refused.accept(message);
            return;
        }
        received.accept(new UploadedFile(event.getFileName(), bytes));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
