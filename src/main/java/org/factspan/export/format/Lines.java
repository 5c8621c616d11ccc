package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.factspan.ingest.Utf8;

/** Strict UTF-8 for the readers ({@link Utf8}, the one decoder), its refusals as {@link FormatException}s with the line. */
final class Lines {

    private Lines() {
    }

    /** The lines of the input without their terminators ({@code \n} or {@code \r\n}); a leading BOM is skipped. */
    static List<String> read(InputStream in, String where) throws IOException {
        byte[] bytes = in.readAllBytes();
        try {
            return Utf8.lines(bytes, where == null ? "The file" : where);
        } catch (Utf8.Malformed e) {
            throw new FormatException(where, e.line(), "not valid UTF-8 (byte " + e.position() + ")");
        }
    }

    /** The whole text, exactly as in the file (a BOM stays: offsets count it). */
    static String decode(byte[] bytes, String where) {
        try {
            return Utf8.decode(bytes, where);
        } catch (Utf8.Malformed e) {
            throw new FormatException(where, e.line(), "not valid UTF-8 (byte " + e.position() + ")");
        }
    }
}
