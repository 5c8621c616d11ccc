package org.factspan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark rows: each job's figure, the baseline measured in the same run, their ratio and unit,
 * printed as a table and merged into {@code target/bench/results.json}.
 */
public final class BenchResults {

    public static final Path FILE = Path.of("target", "bench", "results.json");

    /** One measured job. {@code baseline} may be null where there is none. */
    public record Row(String job, String scale, double ours, Double baseline, String unit, Double heapPeakMb,
            String note) {

        Double ratio() {
            return baseline == null || baseline == 0 ? null : ours / baseline;
        }
    }

    private BenchResults() {
    }

    public static String scale() {
        return System.getProperty("bench.scale", "quick");
    }

    public static boolean full() {
        return "full".equals(scale());
    }

    public static synchronized void record(List<Row> rows) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        List<Map<String, Object>> all = new ArrayList<>();
        try {
            if (Files.exists(FILE)) {
                for (var node : json.readTree(FILE.toFile()).get("results")) {
                    boolean replaced = rows.stream().anyMatch(r -> r.job().equals(node.get("job").asString())
                            && r.scale().equals(node.get("scale").asString()));
                    if (!replaced) {
                        all.add(json.convertValue(node, Map.class));
                    }
                }
            }
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("job", r.job());
                m.put("scale", r.scale());
                m.put("ours", round(r.ours()));
                m.put("baseline", r.baseline() == null ? null : round(r.baseline()));
                m.put("ratio", r.ratio() == null ? null : round(r.ratio()));
                m.put("unit", r.unit());
                m.put("heapPeakMb", r.heapPeakMb() == null ? null : round(r.heapPeakMb()));
                m.put("note", r.note());
                all.add(m);
            }
            Files.createDirectories(FILE.getParent());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB max heap, Java "
                    + System.getProperty("java.version"));
            doc.put("results", all);
            json.writeValue(FILE.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder table = new StringBuilder("\n");
        table.append(String.format("%-34s %-6s %12s %12s %8s %-8s %10s  %s%n", "job", "scale", "ours", "baseline",
                "ratio", "unit", "heap MB", "note"));
        for (Row r : rows) {
            table.append(String.format("%-34s %-6s %12.2f %12s %8s %-8s %10s  %s%n", r.job(), r.scale(), r.ours(),
                    r.baseline() == null ? "-" : String.format("%.2f", r.baseline()),
                    r.ratio() == null ? "-" : String.format("%.2f", r.ratio()), r.unit(),
                    r.heapPeakMb() == null ? "-" : String.format("%.0f", r.heapPeakMb()),
                    r.note() == null ? "" : r.note()));
        }
        System.out.println(table);
    }

    /** Peak heap use in MB since the JVM started (sum of heap pools' peaks). */
    public static double heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
