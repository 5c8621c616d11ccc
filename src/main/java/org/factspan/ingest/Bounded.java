package org.factspan.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.factspan.base.TooLargeException;

/** Reads a body or an upload into memory, never more than its limit: the declared length first, then what arrives. */
public final class Bounded {

    private Bounded() {
    }

    /**
     * All bytes of {@code in}, at most {@code max}; {@code declared} (a Content-Length, -1 when unknown) over the limit
     * is refused before anything is read, and so is the first byte past the limit (sizes people declare can lie).
     * {@code what} names the upload in the message (e.g. the file name).
     */
    public static byte[] read(InputStream in, long declared, long max, String what) throws IOException {
        if (declared > max) {
            throw tooLarge(what, max);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge(what, max);
        }
        return bytes;
    }

    public static TooLargeException tooLarge(String what, long max) {
        return new TooLargeException(what + ": is larger than " + max + " bytes; nothing was imported");
    }
}
