package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.factspan.export.ExportDocument;

/** One import format: reads documents back, or fails with a {@link FormatException} that names the line. */
public interface ImportFormat {

    String id();

    List<ExportDocument> read(InputStream in) throws IOException;
}
