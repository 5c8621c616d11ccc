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

    @Test
    void anEndlessUploadIsReadToTheLimitAndNoFurther() throws Exception {
        long[] read = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read[0] += len;
                return len;
            }
        };
        MockPart part = new MockPart("file", "endless.txt", new byte[0]) {
            @Override
            public java.io.InputStream getInputStream() {
                return endless;
            }
        };
        var big = new BoundedUploadHandler(1_000_000, received::add, refused::add);
        UploadEvent event = new UploadEvent(null, null, null, "endless.txt", 1, "text/plain", null, part);
        big.handleUploadRequest(event);
        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage()).isEqualTo("endless.txt: is larger than 1000000 bytes; nothing was"
                + " imported");
        assertThat(read[0]).as("bytes read of an endless upload").isBetween(1_000_001L, 1_000_001L + 16_384);
        assertThat(received).isEmpty();
    }
}
