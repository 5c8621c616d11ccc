package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipOutputStream;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.InvalidRequestException;
import org.factspan.ingest.Bounded;
import org.factspan.ingest.ImportLimits;
import org.factspan.ingest.SafeZip;
import org.factspan.corpus.LabelKind;
import org.factspan.export.DatasetInfo;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/**
 * brat standoff in a zip: {@code <name>.txt} (the exact text) and {@code <name>.ann} per document, then
 * {@code annotation.conf}, {@code visual.conf} and the dataset card {@code README.md}. Every span is a T line (all
 * labels are entity types, cues included); spans crossing line breaks are split into fragments at CR/LF, which
 * brat requires. Attributions are R lines as {@link Triples} describes. The annotator and the gold provenance of a
 * span are the attributes {@code Annotator} and {@code Provenance}; span attributes are A lines, values without
 * white space only. Offsets are code points (brat's are Python character offsets).
 */
public final class BratFormat implements ExportFormat, ImportFormat {

    private final ImportLimits limits;

    /** Reads zips within {@code limits}: safely, as every upload ({@link SafeZip}). */
    public BratFormat(ImportLimits limits) {
        this.limits = limits;
    }

    static final String ANNOTATOR = "Annotator";
    static final String PROVENANCE = "Provenance";
    private static final Pattern ATTRIBUTE_WORD = Pattern.compile("[A-Za-z0-9_.:+-]+");

    @Override
    public String id() {
        return "brat";
    }

    /** Owners and attributes; no document ids (an import finds documents by name and text) and no metadata. */
    @Override
    public Set<Keeps> keeps() {
        return java.util.EnumSet.of(Keeps.OWNERS, Keeps.ATTRIBUTES);
    }

    @Override
    public List<String> places(byte[] content, List<ExportDocument> docs) {
        return docs.stream().map(d -> d.name() + ".ann").toList();
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public boolean writesCard() {
        return true;
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        return write(schema, docs, out, null);
    }

    /** As {@link #write(ExportSchema, Iterator, OutputStream)}, with an "About this export" part in the card. */
    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out, DatasetInfo info)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        DatasetCard card = new DatasetCard(schema, info);
        Set<String> labels = new TreeSet<>();
        Map<String, Set<String>> attributeValues = new TreeMap<>();
        Set<String> names = new HashSet<>();
        ZipOutputStream zip = Zips.open(out);
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            String base = Zips.fileName(doc, names);
            Zips.entry(zip, base + ".txt", doc.text());
            Zips.entry(zip, base + ".ann", ann(doc, tally, labels, attributeValues));
            card.count(doc);
            tally.documents++;
        }
        ExportResult result = tally.result();
        Zips.entry(zip, "annotation.conf", annotationConf(schema, labels, attributeValues));
        Zips.entry(zip, "visual.conf", visualConf(schema));
        Zips.entry(zip, "README.md", card.markdown("brat standoff", """
                One `<name>.txt` (UTF-8, exactly the annotated text) and `<name>.ann` per document. Offsets are \
                Unicode code points, end exclusive. Spans that cross line breaks are split into fragments at the \
                breaks. Attributions: `source` (cue to source), `content` (cue to content) and `said` (source to \
                content, when there is no cue) relations. Who annotated a span: attribute `Annotator`, or \
                `Provenance` for the gold standard.
                """, result));
        zip.finish();
        zip.flush();
        return result;
    }

    private static String ann(ExportDocument doc, ExportResult.Tally tally, Set<String> labels,
            Map<String, Set<String>> attributeValues) {
        CodePoints cp = CodePoints.of(doc.text());
        StringBuilder ann = new StringBuilder();
        Map<Long, String> tIds = new HashMap<>();
        int attributeNo = 0;
        for (ExportSpan s : doc.spans()) {
            StringBuilder fragments = new StringBuilder();
            StringBuilder text = new StringBuilder();
            int fragmentStart = -1;
            for (int i = s.start(); i <= s.end(); i++) {
                boolean lineBreak = i == s.end() || isLineBreak(cp.substring(i, i + 1));
                if (lineBreak && fragmentStart >= 0) {
                    fragments.append(fragments.isEmpty() ? "" : ";").append(fragmentStart).append(' ').append(i);
                    text.append(text.isEmpty() ? "" : " ").append(cp.substring(fragmentStart, i));
                    fragmentStart = -1;
                } else if (!lineBreak && fragmentStart < 0) {
                    fragmentStart = i;
                }
            }
            if (fragments.isEmpty()) {
                tally.drop("span of line breaks only", 1);
                continue;
            }
            String t = "T" + (tIds.size() + 1);
            tIds.put(s.id(), t);
            labels.add(s.label());
            tally.spans++;
            ann.append(t).append('\t').append(s.label()).append(' ').append(fragments).append('\t').append(text)
                    .append('\n');
            Map<String, String> attributes = new LinkedHashMap<>();
            if (s.annotator() != null) {
                attributes.put(ANNOTATOR, s.annotator());
            }
            if (s.provenance() != null) {
                attributes.put(PROVENANCE, s.provenance());
            }
            s.attributes().forEach((name, value) -> {
                if (name.equals(ANNOTATOR) || name.equals(PROVENANCE)) {
                    tally.drop("span attribute named " + name, 1);
                } else {
                    attributes.put(name, value);
                }
            });
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                if (!ATTRIBUTE_WORD.matcher(a.getKey()).matches() || !ATTRIBUTE_WORD.matcher(a.getValue()).matches()) {
                    tally.drop("attribute with white space or symbols", 1);
                    continue;
                }
                attributeValues.computeIfAbsent(a.getKey(), k -> new TreeSet<>()).add(a.getValue());
                ann.append('A').append(++attributeNo).append('\t').append(a.getKey()).append(' ').append(t)
                        .append(' ').append(a.getValue()).append('\n');
            }
        }
        int relationNo = 0;
        for (ExportAttribution a : doc.attributions()) {
            List<Triples.Relation> relations = Triples.encode(a);
            if (relations.isEmpty()) {
                tally.drop("attribution without source and cue", 1);
                continue;
            }
            if (!relations.stream().allMatch(r -> tIds.containsKey(r.from()) && tIds.containsKey(r.to()))) {
                tally.drop("attribution of a dropped span", 1);
                continue;
            }
            tally.attributions++;
            for (Triples.Relation r : relations) {
                ann.append('R').append(++relationNo).append('\t').append(r.type()).append(" Arg1:")
                        .append(tIds.get(r.from())).append(" Arg2:").append(tIds.get(r.to())).append('\n');
            }
        }
        return ann.toString();
    }

    private static boolean isLineBreak(String codePoint) {
        return codePoint.equals("\n") || codePoint.equals("\r");
    }

    /** The brat configuration for the labels written: schema labels first, others after, and the attributes seen. */
    static String annotationConf(ExportSchema schema, Set<String> labels, Map<String, Set<String>> attributes) {
        Set<String> entities = new LinkedHashSet<>();
        schema.labels().forEach(l -> entities.add(l.name()));
        entities.addAll(labels);
        StringBuilder conf = new StringBuilder("# Written by Factspan. Cues (");
        conf.append(String.join(", ", schema.labels().stream().filter(l -> l.kind() == LabelKind.CUE)
                .map(ExportSchema.Label::name).toList()));
        conf.append(") are entities too; attributions are the relations below.\n[entities]\n");
        entities.forEach(e -> conf.append(e).append('\n'));
        conf.append("\n[relations]\n");
        for (String type : Triples.TYPES) {
            conf.append(type).append("\tArg1:<ENTITY>, Arg2:<ENTITY>\n");
        }
        conf.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
        conf.append("\n[events]\n\n[attributes]\n");
        attributes.forEach((name, values) -> conf.append(name).append("\tArg:<ENTITY>, Value:")
                .append(String.join("|", values)).append('\n'));
        return conf.toString();
    }

    static String visualConf(ExportSchema schema) {
        StringBuilder conf = new StringBuilder("[labels]\n");
        for (ExportSchema.Label l : schema.labels()) {
            conf.append(l.name()).append(l.title() == null ? "" : " | " + l.title()).append('\n');
        }
        conf.append("\n[drawing]\n");
        for (ExportSchema.Label l : schema.labels()) {
            if (l.color() != null) {
                conf.append(l.name()).append("\tbgColor:").append(l.color()).append('\n');
            }
        }
        return conf.toString();
    }

    private static final Pattern T_LINE = Pattern.compile("T(\\d+)\\t(\\S+) (\\d+ \\d+(?:;\\d+ \\d+)*)\\t(.*)");
    private static final Pattern A_LINE = Pattern.compile("[AM]\\d+\\t(\\S+) ([TE]\\d+)(?: (\\S+))?");
    private static final Pattern R_LINE = Pattern.compile("R\\d+\\t(\\S+) Arg1:(T\\d+) Arg2:(T\\d+)");

    /**
     * Reads a zip of {@code .txt} and {@code .ann} files (any folder), in the zip's order of the {@code .txt}
     * files; documents are numbered from 1 and named after the file. Attributes on events and relations of other
     * types than {@link Triples#TYPES} are ignored, as are E, N, * and # lines. Errors name the file and line.
     */
    @Override
    public List<ExportDocument> read(InputStream in) throws IOException {
        byte[] archive = Bounded.read(in, -1, limits.maxFileBytes(), "The brat zip");
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> anns = new HashMap<>();
        int entries = SafeZip.read("The brat zip", archive, limits.zip(), limits.budget(), (path, bytes) -> {
            if (path.endsWith(".txt")) {
                texts.put(path.substring(0, path.length() - 4), Lines.decode(bytes, path));
            } else if (path.endsWith(".ann")) {
                anns.put(path.substring(0, path.length() - 4), Lines.decode(bytes, path));
            }
        });
        if (entries == 0) {
            throw new InvalidRequestException("The brat zip: is an empty zip archive; nothing was imported");
        }
        for (String base : anns.keySet()) {
            if (!texts.containsKey(base)) {
                throw new FormatException(base + ".ann", 1, "no " + base + ".txt next to it");
            }
        }
        List<ExportDocument> docs = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String base = t.getKey();
            String name = base.substring(base.lastIndexOf('/') + 1);
            docs.add(parse(docs.size() + 1, name, t.getValue(), anns.getOrDefault(base, ""), base + ".ann"));
        }
        return docs;
    }

    private static ExportDocument parse(long id, String name, String text, String ann, String where) {
        CodePoints cp = CodePoints.of(text);
        String[] lines = ann.split("\r?\n", -1);
        Map<String, int[]> spans = new LinkedHashMap<>();
        Map<String, String> spanLabels = new HashMap<>();
        Map<String, Integer> spanLines = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = T_LINE.matcher(lines[i]);
            if (!lines[i].startsWith("T")) {
                continue;
            }
            int line = i + 1;
            if (!m.matches()) {
                throw new FormatException(where, line, "malformed text-bound annotation: " + Quote.of(lines[i]));
            }
            int start = Integer.MAX_VALUE;
            int end = -1;
            List<String> pieces = new ArrayList<>();
            for (String fragment : m.group(3).split(";")) {
                String[] bounds = fragment.split(" ");
                int from = parseOffset(bounds[0], where, line);
                int to = parseOffset(bounds[1], where, line);
                if (from >= to || to > cp.length()) {
                    throw new FormatException(where, line, "fragment " + from + " " + to + " outside the text of "
                            + cp.length() + " code points or empty");
                }
                pieces.add(cp.substring(from, to));
                start = Math.min(start, from);
                end = Math.max(end, to);
            }
            if (!String.join(" ", pieces).equals(m.group(4))) {
                throw new FormatException(where, line, "text " + Quote.of(m.group(4)) + " differs from the document text "
                        + Quote.of(String.join(" ", pieces)));
            }
            String t = "T" + m.group(1);
            if (spans.put(t, new int[] {Integer.parseInt(m.group(1)), start, end}) != null) {
                throw new FormatException(where, line, "duplicate id " + t);
            }
            spanLabels.put(t, m.group(2));
            spanLines.put(t, line);
        }
        Map<String, Map<String, String>> attributes = new HashMap<>();
        List<Triples.Relation> relations = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int line = i + 1;
            if (l.isEmpty() || l.startsWith("T") || l.startsWith("E") || l.startsWith("N") || l.startsWith("*")
                    || l.startsWith("#")) {
                continue;
            }
            Matcher a = A_LINE.matcher(l);
            Matcher r = R_LINE.matcher(l);
            if (a.matches()) {
                if (a.group(2).startsWith("T")) {
                    known(spans, a.group(2), where, line);
                    attributes.computeIfAbsent(a.group(2), k -> new LinkedHashMap<>()).put(a.group(1),
                            a.group(3) == null ? "true" : a.group(3));
                }
            } else if (r.matches()) {
                if (Triples.TYPES.contains(r.group(1))) {
                    relations.add(new Triples.Relation(known(spans, r.group(2), where, line),
                            known(spans, r.group(3), where, line), r.group(1)));
                }
            } else {
                throw new FormatException(where, line, "unrecognised line: " + Quote.of(l));
            }
        }
        List<ExportSpan> out = new ArrayList<>();
        Map<Long, ExportSpan> byId = new HashMap<>();
        for (Map.Entry<String, int[]> e : spans.entrySet()) {
            Map<String, String> attrs = new LinkedHashMap<>(attributes.getOrDefault(e.getKey(), Map.of()));
            String annotator = attrs.remove(ANNOTATOR);
            String provenance = attrs.remove(PROVENANCE);
            int[] s = e.getValue();
            ExportSpan span = Checks.build(where, spanLines.get(e.getKey()), () -> new ExportSpan(s[0], s[1], s[2],
                    spanLabels.get(e.getKey()), cp.substring(s[1], s[2]), annotator, provenance, attrs));
            out.add(span);
            byId.put(span.id(), span);
        }
        List<ExportAttribution> attributions = Triples.decode(relations,
                content -> new String[] {byId.get(content).annotator(), byId.get(content).provenance()});
        return new ExportDocument(id, name, text, Map.of(), out, attributions);
    }

    private static int parseOffset(String s, String where, int line) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FormatException(where, line, "offset out of range: " + Quote.of(s));
        }
    }

    private static long known(Map<String, int[]> spans, String t, String where, int line) {
        int[] span = spans.get(t);
        if (span == null) {
            throw new FormatException(where, line, "unknown annotation " + Quote.of(t));
        }
        return span[0];
    }
}
