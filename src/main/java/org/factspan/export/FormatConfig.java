package org.factspan.export;

import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ImportFormat;
import org.factspan.export.format.ZipPackage;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Makes every concrete {@link ExportFormat} and {@link ImportFormat} in {@code org.factspan.export.format} a Spring
 * bean (as {@code AgreementMeasures} does for the measures); {@link Formats} collects them by {@code id()}. The formats
 * stay plain Java (no annotations; one public constructor, which may take {@code ImportLimits}) and describe
 * themselves: id, media type, file extension, what an import keeps and where its documents were. Adding a format is
 * adding its one class, and its golden files: the golden and round-trip tests run over every format found here.
 * {@link ZipPackage} wraps a format on request; it is not one of its own.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ExportFormat.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {ExportFormat.class, ImportFormat.class}),
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ZipPackage.class))
class FormatConfig {
}
