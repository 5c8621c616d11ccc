package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.uima.UIMAFramework;
import org.apache.uima.cas.CAS;
import org.apache.uima.cas.FSIterator;
import org.apache.uima.cas.Feature;
import org.apache.uima.cas.Type;
import org.apache.uima.cas.impl.XmiCasDeserializer;
import org.apache.uima.cas.text.AnnotationFS;
import org.apache.uima.resource.metadata.TypeSystemDescription;
import org.apache.uima.util.CasCreationUtils;
import org.apache.uima.util.XMLInputSource;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads our XMI zips with Apache UIMA's own {@link XmiCasDeserializer} (into a CAS made from the zip's
 * {@code TypeSystem.xml}) and checks that every span covers the text it had, in UTF-16 offsets, and that everything
 * we wrote comes back: spans, owners, attributes, triples, document name, id and metadata.
 */
class UimaReadsOurXmiTest {

    static Stream<Path> cases() {
        return Golden.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyGoldenCaseComesBackThroughUima(Path dir) throws Exception {
        List<ExportDocument> input = Golden.input(dir);
        List<ExportDocument> back = read(Golden.write(new XmiFormat(), input));
        assertThat(Golden.carried(back, true, true, true, true)).isEqualTo(Golden.carried(input, true, true, true, true));
        assertThat(back).extracting(ExportDocument::text).isEqualTo(input.stream().map(ExportDocument::text).toList());
    }

    @Test
    void offsetsAreUtf16AfterAnEmojiAndAFlag() throws Exception {
        List<ExportDocument> input = Golden.input(Golden.ROOT.resolve("emoji-combining"));
        Map<String, byte[]> zip = Golden.unzip(Golden.write(new XmiFormat(), input));
        CAS cas = cas(zip);
        XmiCasDeserializer.deserialize(new ByteArrayInputStream(zip.get("emoji-doc.xmi")), cas);
        Type span = cas.getTypeSystem().getType(XmiFormat.SPAN);
        List<String> covered = new ArrayList<>();
        List<Integer> begins = new ArrayList<>();
        for (AnnotationFS a : cas.getAnnotationIndex(span)) {
            covered.add(a.getCoveredText());
            begins.add(a.getBegin());
        }
        // 😀 is one code point but two UTF-16 units: "Officials" starts at code point 2, UTF-16 index 3.
        String text = input.get(0).text();
        String cafe = text.substring(text.indexOf("caf"), text.indexOf(" agreed"));
        assertThat(cafe).as("combining marks in the input").hasSizeGreaterThan("café owner Zoë".length());
        assertThat(covered).contains("Officials", "Prices rose by 5%.", cafe, "🇰🇿 media");
        assertThat(begins.get(covered.indexOf("Officials"))).isEqualTo(3);
        // the flag is two regional indicators, four UTF-16 units
        int flag = input.get(0).text().indexOf("🇰🇿");
        assertThat(begins.get(covered.indexOf("🇰🇿 media"))).isEqualTo(flag);
        assertThat(zip).containsKeys("TypeSystem.xml", "README.md");
        assertThat(new String(zip.get("README.md"), StandardCharsets.UTF_8)).contains("UTF-16 code units");
    }

    @Test
    void spanAttributesAreFeaturesAndNamesThatAreNotFeatureNamesAreMapped() {
        var schema = new org.factspan.export.ExportSchema(List.of(new org.factspan.export.ExportSchema.Label("CLAIM",
                "Claim", org.factspan.corpus.LabelKind.CONTENT, "#000000", List.of("verdict", "label", "check-worthy",
                        "check_worthy"))));
        assertThat(XmiFormat.featureNames(schema)).containsExactly(Map.entry("verdict", "verdict"),
                Map.entry("label", "attr_label"), Map.entry("check-worthy", "attr_check_worthy"),
                Map.entry("check_worthy", "check_worthy"));
    }

    private static CAS cas(Map<String, byte[]> zip) throws Exception {
        TypeSystemDescription ts = UIMAFramework.getXMLParser().parseTypeSystemDescription(
                new XMLInputSource(new ByteArrayInputStream(zip.get(XmiFormat.TYPE_SYSTEM_FILE)), null));
        return CasCreationUtils.createCas(ts, null, null);
    }

    /** Our documents back from an XMI zip, through UIMA alone; offsets turned back into code points. */
    static List<ExportDocument> read(byte[] bytes) throws Exception {
        Map<String, byte[]> zip = Golden.unzip(bytes);
        CAS cas = cas(zip);
        List<ExportDocument> docs = new ArrayList<>();
        List<String> order = new ArrayList<>();
        // the zip's own order is the export order
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".xmi")) {
                    order.add(e.getName());
                }
            }
        }
        for (String name : order) {
            cas.reset();
            XmiCasDeserializer.deserialize(new ByteArrayInputStream(zip.get(name)), cas);
            docs.add(document(cas));
        }
        return docs;
    }

    private static ExportDocument document(CAS cas) {
        var ts = cas.getTypeSystem();
        String text = cas.getDocumentText() == null ? "" : cas.getDocumentText();
        Type dmdType = ts.getType(XmiFormat.DOCUMENT_META_DATA);
        FSIterator<AnnotationFS> dmds = cas.getAnnotationIndex(dmdType).iterator();
        AnnotationFS dmd = dmds.next();
        assertThat(dmds.hasNext()).as("one DocumentMetaData").isFalse();
        assertThat(cas.getAnnotationIndex(ts.getType(CAS.TYPE_NAME_DOCUMENT_ANNOTATION)).size())
                .as("no second, plain DocumentAnnotation").isEqualTo(1);
        assertThat(dmd.getEnd()).isEqualTo(text.length());
        Map<String, String> meta = new LinkedHashMap<>();
        Type field = ts.getType(XmiFormat.META_DATA_FIELD);
        for (AnnotationFS f : cas.getAnnotationIndex(field)) {
            meta.put(f.getStringValue(field.getFeatureByBaseName("key")),
                    f.getStringValue(field.getFeatureByBaseName("value")));
        }
        Type spanType = ts.getType(XmiFormat.SPAN);
        Feature id = spanType.getFeatureByBaseName("factspanId");
        List<ExportSpan> spans = new ArrayList<>();
        for (AnnotationFS s : cas.getAnnotationIndex(spanType)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            XmiFormat.featureNames(Golden.SCHEMA).forEach((attribute, feature) -> {
                String value = s.getStringValue(spanType.getFeatureByBaseName(feature));
                if (value != null) {
                    attributes.put(attribute, value);
                }
            });
            int start = text.codePointCount(0, s.getBegin());
            int end = text.codePointCount(0, s.getEnd());
            spans.add(new ExportSpan(s.getLongValue(id), start, end,
                    s.getStringValue(spanType.getFeatureByBaseName("label")), s.getCoveredText(),
                    s.getStringValue(spanType.getFeatureByBaseName("annotator")),
                    s.getStringValue(spanType.getFeatureByBaseName("provenance")), attributes));
        }
        // UIMA's index sorts by begin, end (longest first): restore our order, by start, end, id
        spans.sort(java.util.Comparator.comparingLong(ExportSpan::id));
        Type link = ts.getType(XmiFormat.ATTRIBUTION);
        List<ExportAttribution> attributions = new ArrayList<>();
        for (AnnotationFS a : cas.getAnnotationIndex(link)) {
            AnnotationFS source = (AnnotationFS) a.getFeatureValue(link.getFeatureByBaseName("source"));
            AnnotationFS cue = (AnnotationFS) a.getFeatureValue(link.getFeatureByBaseName("cue"));
            AnnotationFS content = (AnnotationFS) a.getFeatureValue(link.getFeatureByBaseName("content"));
            assertThat(a.getCoveredText()).isEqualTo(content.getCoveredText());
            attributions.add(new ExportAttribution(a.getLongValue(link.getFeatureByBaseName("factspanId")),
                    source == null ? null : source.getLongValue(id), cue == null ? null : cue.getLongValue(id),
                    content.getLongValue(id), a.getStringValue(link.getFeatureByBaseName("annotator")),
                    a.getStringValue(link.getFeatureByBaseName("provenance"))));
        }
        attributions.sort(java.util.Comparator.comparingLong(ExportAttribution::id));
        return new ExportDocument(Long.parseLong(dmd.getStringValue(dmdType.getFeatureByBaseName("documentId"))),
                dmd.getStringValue(dmdType.getFeatureByBaseName("documentTitle")), text, meta, spans, attributions);
    }
}
