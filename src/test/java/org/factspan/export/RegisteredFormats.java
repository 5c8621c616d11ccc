package org.factspan.export;

import java.util.List;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ImportFormat;
import org.factspan.ingest.ImportLimits;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The format registry as the application builds it ({@link FormatConfig}'s component scan), without the rest of the
 * application: what the golden and round-trip tests run over, so that a format added without golden files fails them.
 */
public final class RegisteredFormats {

    private static Formats formats;

    private RegisteredFormats() {
    }

    public static synchronized Formats get() {
        if (formats == null) {
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.registerBean(ImportLimits.class, () -> ImportLimits.DEFAULT);
                context.register(FormatConfig.class);
                context.refresh();
                formats = new Formats(List.copyOf(context.getBeansOfType(ExportFormat.class).values()),
                        List.copyOf(context.getBeansOfType(ImportFormat.class).values()), List.of());
            }
        }
        return formats;
    }
}
