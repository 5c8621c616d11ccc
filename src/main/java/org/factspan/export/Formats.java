package org.factspan.export;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ImportFormat;
import org.springframework.stereotype.Component;

/** Every {@link ExportFormat} and {@link ImportFormat} bean, by id; two beans with one id fail the start. */
@Component
public class Formats {

    private final Map<String, ExportFormat> exports;
    private final Map<String, ImportFormat> imports;

    Formats(List<ExportFormat> exportFormats, List<ImportFormat> importFormats) {
        this.exports = byId(exportFormats, ExportFormat::id);
        this.imports = byId(importFormats, ImportFormat::id);
    }

    private static <T> Map<String, T> byId(List<T> formats, java.util.function.Function<T, String> id) {
        Map<String, T> map = new TreeMap<>();
        for (T f : formats) {
            if (map.put(id.apply(f), f) != null) {
                throw new IllegalStateException("Two formats with the id '" + id.apply(f) + "'");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public Optional<ExportFormat> export(String id) {
        return Optional.ofNullable(id == null ? null : exports.get(id));
    }

    public Optional<ImportFormat> importer(String id) {
        return Optional.ofNullable(id == null ? null : imports.get(id));
    }

    /** Export format ids, sorted. */
    public List<String> exportIds() {
        return List.copyOf(exports.keySet());
    }

    /** Import format ids, sorted. */
    public List<String> importIds() {
        return List.copyOf(imports.keySet());
    }
}
