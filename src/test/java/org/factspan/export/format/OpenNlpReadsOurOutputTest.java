package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.formats.brat.AnnotationConfiguration;
import opennlp.tools.formats.brat.BratAnnotation;
import opennlp.tools.formats.brat.BratDocument;
import opennlp.tools.formats.brat.RelationAnnotation;
import opennlp.tools.formats.brat.SpanAnnotation;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.PlainTextByLineStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Apache OpenNLP's own readers accept our brat and CoNLL output (the golden cases). */
class OpenNlpReadsOurOutputTest {

    static Stream<Path> cases() {
        return Golden.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bratDocumentsParse(Path dir) throws Exception {
        Path brat = dir.resolve("expected-brat");
        AnnotationConfiguration config;
        try (var in = Files.newInputStream(brat.resolve("annotation.conf"))) {
            config = AnnotationConfiguration.parse(in);
        }
        assertThat(config.getTypeClass("CLAIM")).isEqualTo(AnnotationConfiguration.ENTITY_TYPE);
        List<Path> anns;
        try (Stream<Path> files = Files.list(brat)) {
            anns = files.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
        }
        for (Path ann : anns) {
            String base = ann.getFileName().toString().replaceAll("\\.ann$", "");
            String text = Files.readString(brat.resolve(base + ".txt"), StandardCharsets.UTF_8);
            BratDocument doc;
            try (var txtIn = Files.newInputStream(brat.resolve(base + ".txt"));
                    var annIn = Files.newInputStream(ann)) {
                doc = BratDocument.parseDocument(config, base, txtIn, annIn);
            }
            List<String> lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
            long tLines = lines.stream().filter(l -> l.startsWith("T")).count();
            long rLines = lines.stream().filter(l -> l.startsWith("R")).count();
            List<SpanAnnotation> spans = new ArrayList<>();
            long relations = 0;
            for (BratAnnotation a : doc.getAnnotations()) {
                if (a instanceof SpanAnnotation s) {
                    spans.add(s);
                } else if (a instanceof RelationAnnotation) {
                    relations++;
                }
            }
            assertThat(spans).as(base).hasSize((int) tLines);
            assertThat(relations).as(base).isEqualTo(rLines);
            if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
                // OpenNLP counts UTF-16 units; without surrogate pairs these equal our code points.
                for (SpanAnnotation s : spans) {
                    for (opennlp.tools.util.Span fragment : s.getSpans()) {
                        assertThat(s.getCoveredText()).as(base + " " + s.getId())
                                .contains(fragment.getCoveredText(text));
                    }
                }
            }
        }
    }

    /**
     * OpenNLP's CoNLL-2003 reader knows only the types PER, LOC, ORG and MISC and throws on any other, so it cannot
     * read our CLAIM/SOURCE/ATTRIBUTION tags as they are. With the types renamed to MISC it reads the structure of
     * the four-column variant (document starts, sentences, BIO tags) and finds every span we tagged (a span across a
     * sentence end as two names).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void conll03ReaderAcceptsTheFourColumnStructure(Path dir) throws Exception {
        String conll = new String(Golden.write(ConllFormat.fourColumns(), Golden.input(dir)), StandardCharsets.UTF_8);
        long tagged = conll.lines().filter(l -> l.matches(".* B-[A-Z]+")).count();
        if (tagged > 0) {
            assertThatThrownBy(() -> read(conll)).isInstanceOf(InvalidFormatException.class)
                    .hasMessageContaining("Unknown type");
        }
        List<NameSample> samples = read(conll.replaceAll(" ([BI])-[A-Z]+\\n", " $1-MISC\n"));
        // A span that crosses a sentence end continues with I- in the next sentence; a reader that works sentence by
        // sentence (as OpenNLP's does) sees a second name there.
        long continued = java.util.regex.Pattern.compile("\n\n[^\n]* I-").matcher(conll).results().count();
        assertThat(samples.stream().mapToLong(s -> s.getNames().length).sum()).isEqualTo(tagged + continued);
        assertThat(samples.stream().mapToLong(s -> s.getSentence().length).sum())
                .isEqualTo(conll.lines().filter(l -> !l.isBlank() && !l.startsWith("-DOCSTART-")).count());
    }

    private static List<NameSample> read(String conll) throws Exception {
        List<NameSample> samples = new ArrayList<>();
        try (ObjectStream<NameSample> stream = new Conll03NameSampleStream(Conll03NameSampleStream.LANGUAGE.EN,
                new PlainTextByLineStream(() -> new ByteArrayInputStream(conll.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8), Conll02NameSampleStream.GENERATE_MISC_ENTITIES)) {
            for (NameSample s = stream.read(); s != null; s = stream.read()) {
                samples.add(s);
            }
        }
        return samples;
    }
}
