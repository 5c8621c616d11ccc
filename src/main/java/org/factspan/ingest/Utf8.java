package org.factspan.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.factspan.base.InvalidRequestException;

/**
 * Strict UTF-8 for everything uploaded: a malformed byte is refused with its line and position, never replaced by
 * {@code ?} or U+FFFD (which would change texts and their offsets silently). The one decoder of the code base.
 */
public final class Utf8 {

    /** Bytes that are not UTF-8; {@link #line()} and {@link #position()} (both from 1) say where. */
    public static final class Malformed extends InvalidRequestException {

        private final int line;
        private final long position;

        Malformed(String where, int line, long position) {
            super(where + ", line " + line + ": is not valid UTF-8 (byte " + position + "); nothing was imported");
            this.line = line;
            this.position = position;
        }

        public int line() {
            return line;
        }

        public long position() {
            return position;
        }
    }

    private Utf8() {
    }

    /** The text of the bytes, exactly (a byte order mark stays; see {@link #withoutBom}). */
    public static String decode(byte[] bytes, String where) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Malformed(where, line, offset + 1L);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** The text without a leading byte order mark. */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The lines of the bytes, decoded strictly, without their terminators ({@code \n} or {@code \r\n}); a leading
     * byte order mark is dropped, and a final line terminator does not start another line.
     */
    public static List<String> lines(byte[] bytes, String where) {
        String text = withoutBom(decode(bytes, where));
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }
}
