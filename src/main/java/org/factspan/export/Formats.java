package org.factspan.export;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ImportFormat;
import org.factspan.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Every {@link ExportFormat}, {@link CallerFormat} and {@link ImportFormat} bean, by id; two with one id fail the start.
 */
@Component
public class Formats {

    private final Map<String, ExportFormat> exports;
    private final Map<String, ImportFormat> imports;
    private final Map<String, CallerFormat> callerFormats;

    Formats(List<ExportFormat> exportFormats, List<ImportFormat> importFormats, List<CallerFormat> callerFormats) {
        this.exports = byId(exportFormats, ExportFormat::id);
        this.imports = byId(importFormats, ImportFormat::id);
        this.callerFormats = byId(callerFormats, CallerFormat::id);
        for (String id : this.callerFormats.keySet()) {
            if (exports.containsKey(id)) {
                throw new IllegalStateException("Two formats with the id '" + id + "'");
            }
        }
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

    /** The export format {@code id} as it writes for {@code actor} in project {@code slug}. */
    public Optional<ExportFormat> export(String id, Actor actor, String slug) {
        CallerFormat caller = id == null ? null : callerFormats.get(id);
        return caller != null ? Optional.of(caller.forCaller(actor, slug)) : export(id);
    }

    /** Whether the format is a zip with a dataset card by itself (false for unknown ids). */
    public boolean writesCard(String id) {
        CallerFormat caller = id == null ? null : callerFormats.get(id);
        return caller != null ? caller.writesCard() : export(id).map(ExportFormat::writesCard).orElse(false);
    }

    public Optional<ImportFormat> importer(String id) {
        return Optional.ofNullable(id == null ? null : imports.get(id));
    }

    /** Export format ids: the annotation formats sorted, then those that write for the caller (claims). */
    public List<String> exportIds() {
        List<String> ids = new java.util.ArrayList<>(exports.keySet());
        ids.addAll(callerFormats.keySet());
        return List.copyOf(ids);
    }

    /** Import format ids, sorted. */
    public List<String> importIds() {
        return List.copyOf(imports.keySet());
    }
}
