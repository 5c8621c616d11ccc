package org.factspan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one strict UTF-8 decoder: never a replacement character, always the line and byte of the problem. */
class Utf8Test {

    @Test
    void decodesExactlyAndSplitsLines() {
        byte[] bytes = "\uFEFFone\r\ntwo \uD83D\uDE00\n\nthree\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(bytes, "f")).startsWith("\uFEFFone");
        assertThat(Utf8.withoutBom(Utf8.decode(bytes, "f"))).startsWith("one");
        assertThat(Utf8.lines(bytes, "f")).containsExactly("one", "two \uD83D\uDE00", "", "three");
        assertThat(Utf8.lines(new byte[0], "f")).isEmpty();
    }

    @Test
    void malformedBytesAreRefusedWithLineAndPosition() {
        byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> Utf8.lines(bytes, "batch.jsonl")).isInstanceOfSatisfying(Utf8.Malformed.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.position()).isEqualTo(5);
            assertThat(e).hasMessage("batch.jsonl, line 2: is not valid UTF-8 (byte 5); nothing was imported");
        });
        // an encoded surrogate (CESU-8) and an overlong form are not UTF-8 either
        assertThatThrownBy(() -> Utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "f"))
                .isInstanceOf(Utf8.Malformed.class);
        assertThatThrownBy(() -> Utf8.decode(new byte[] {(byte) 0xC0, (byte) 0xAF}, "f"))
                .isInstanceOf(Utf8.Malformed.class);
    }
}
