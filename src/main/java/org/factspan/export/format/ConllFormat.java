package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.factspan.base.TextSegments;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/**
 * CoNLL-2003 style BIO tags, one token per line ({@code token<TAB>B-CLAIM}), a blank line after each sentence and
 * {@code -DOCSTART- -X- -X- O} plus a blank line before each document. Tokens and sentences come from
 * {@link TextSegments} (decision 029). Overlapping spans cannot be tagged: the longest wins (then the first to start,
 * then the lowest id) and the others are counted as dropped; so are spans that no token falls into, attributions and span
 * attributes. A token partly inside a span gets the span's tag. Export one annotator (or the gold standard) at a
 * time, or their spans will overlap.
 */
public final class ConllFormat implements ExportFormat {

    private final String separator;

    /** Two columns separated by a tab: {@code token<TAB>TAG}. */
    public ConllFormat() {
        this("\t");
    }

    private ConllFormat(String separator) {
        this.separator = separator;
    }

    /** The four space-separated columns of CoNLL-2003 ({@code token -X- -X- TAG}), for readers that insist. */
    public static ConllFormat fourColumns() {
        return new ConllFormat(" -X- -X- ");
    }

    @Override
    public String id() {
        return "conll";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public String description() {
        return "CoNLL-2003-style BIO: one token per line with its tag, a blank line after each sentence, "
                + "`-DOCSTART-` before each document. Overlapping spans cannot be represented: the longest wins, the "
                + "others are counted below.";
    }

    @Override
    public String fileExtension() {
        return "conll";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            writer.write("-DOCSTART- -X- -X- O\n\n");
            List<ExportSpan> kept = keep(doc.spans());
            tally.drop("overlapping span", doc.spans().size() - kept.size());
            tally.drop("attribution (no relations in CoNLL)", doc.attributions().size());
            tally.drop("span attribute", doc.spans().stream().mapToInt(s -> s.attributes().size()).sum());
            boolean[] tagged = new boolean[kept.size()];
            int next = 0;
            for (TextSegments.Sentence sentence : TextSegments.sentences(doc.text())) {
                for (TextSegments.Token token : sentence.tokens()) {
                    while (next < kept.size() && kept.get(next).end() <= token.start()) {
                        next++;
                    }
                    String tag = "O";
                    if (next < kept.size() && kept.get(next).start() < token.end()) {
                        tag = (tagged[next] ? "I-" : "B-") + kept.get(next).label();
                        tagged[next] = true;
                    }
                    writer.write(token.text() + separator + tag + "\n");
                }
                writer.write("\n");
            }
            int untagged = 0;
            for (boolean t : tagged) {
                untagged += t ? 0 : 1;
            }
            tally.drop("span without a token", untagged);
            tally.spans += kept.size() - untagged;
            tally.documents++;
            writer.flush();
        }
        writer.flush();
        return tally.result();
    }

    /** The spans that can be tagged, without overlaps, in text order. */
    static List<ExportSpan> keep(List<ExportSpan> spans) {
        List<ExportSpan> byPriority = new ArrayList<>(spans);
        byPriority.sort(Comparator.comparingInt((ExportSpan s) -> s.start() - s.end()).thenComparingInt(
                ExportSpan::start).thenComparingLong(ExportSpan::id));
        List<ExportSpan> kept = new ArrayList<>();
        for (ExportSpan s : byPriority) {
            if (kept.stream().noneMatch(k -> k.start() < s.end() && s.start() < k.end())) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(ExportSpan::start));
        return kept;
    }
}
