package org.factspan.export;

import org.factspan.export.format.BratFormat;
import org.factspan.ingest.ImportLimits;
import org.factspan.export.format.ConllFormat;
import org.factspan.export.format.CsvFormat;
import org.factspan.export.format.DoccanoFormat;
import org.factspan.export.format.JsonlFormat;
import org.factspan.export.format.LabelStudioFormat;
import org.factspan.export.format.XmiFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export and import formats as Spring beans; {@link Formats} collects them by {@code id()}. The formats
 * themselves stay plain Java ({@code org.factspan.export.format} knows no Spring). Adding a format: write the class,
 * add one method here.
 */
@Configuration
class FormatConfig {

    @Bean
    JsonlFormat jsonlFormat() {
        return new JsonlFormat();
    }

    @Bean
    DoccanoFormat doccanoFormat() {
        return new DoccanoFormat();
    }

    @Bean
    LabelStudioFormat labelStudioFormat() {
        return new LabelStudioFormat();
    }

    @Bean
    BratFormat bratFormat(ImportLimits limits) {
        return new BratFormat(limits);
    }

    @Bean
    ConllFormat conllFormat() {
        return new ConllFormat();
    }

    @Bean
    CsvFormat csvFormat() {
        return new CsvFormat();
    }

    @Bean
    XmiFormat xmiFormat() {
        return new XmiFormat();
    }
}
