package org.factspan.ingest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.streams.UploadEvent;
import java.util.ArrayList;
import java.util.List;
import org.factspan.ingest.UploadedFile;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockPart;

/** The browser upload refuses a file over the limit on the server, whatever the browser was told. */
class BoundedUploadHandlerTest {

    final List<UploadedFile> received = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final BoundedUploadHandler handler = new BoundedUploadHandler(10, received::add, refused::add);

    UploadEvent upload(String name, byte[] content) {
        // the declared size is what a hand-made request claims: small, whatever it sends
        return new UploadEvent(null, null, null, name, 1, "text/plain", null, new MockPart("file", name, content));
    }

    @Test
    void aFileAtTheLimitIsReceived() throws Exception {
        UploadEvent event = upload("ok.txt", "0123456789".getBytes());
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isFalse();
        assertThat(received).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("ok.txt");
            assertThat(f.content()).hasSize(10);
        });
        assertThat(refused).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAMessage() throws Exception {
        UploadEvent event = upload("big.txt", "0123456789X".getBytes());
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage()).isEqualTo("big.txt: is larger than 10 bytes; nothing was imported");
        assertThat(refused).containsExactly(event.getRejectionMessage());
        assertThat(received).isEmpty();
        assertThat(handler.getFileSizeMax()).isEqualTo(10);
    }
}
