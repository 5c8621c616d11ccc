package org.factspan.export.format;

import org.factspan.base.InvalidRequestException;

/**
 * Bad input for an import format; the message names the file (where there are several) and the line. A refusal
 * like any other ({@link InvalidRequestException}, 400): whoever reads a file need not translate it.
 */
public class FormatException extends InvalidRequestException {

    private final int line;

    public FormatException(String where, int line, String message) {
        super((where == null ? "" : where + " ") + "line " + line + ": " + message);
        this.line = line;
    }

    public FormatException(int line, String message) {
        this(null, line, message);
    }

    /** 1-based line of the input the problem was found on. */
    public int line() {
        return line;
    }
}
