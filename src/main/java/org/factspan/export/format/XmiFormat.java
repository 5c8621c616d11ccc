package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipOutputStream;
import org.apache.uima.UIMAFramework;
import org.apache.uima.cas.CAS;
import org.apache.uima.cas.Feature;
import org.apache.uima.cas.Type;
import org.apache.uima.cas.TypeSystem;
import org.apache.uima.cas.impl.XmiCasSerializer;
import org.apache.uima.cas.text.AnnotationFS;
import org.apache.uima.resource.ResourceInitializationException;
import org.apache.uima.resource.metadata.TypeDescription;
import org.apache.uima.resource.metadata.TypeSystemDescription;
import org.apache.uima.util.CasCreationUtils;
import org.factspan.base.CodePoints;
import org.factspan.base.Quote;
import org.factspan.ingest.ValidText;
import org.factspan.export.DatasetInfo;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;
import org.apache.uima.util.XMLSerializer;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * UIMA CAS XMI in a zip, written with Apache UIMA's own serializer: {@code <name>.xmi} per document,
 * {@code TypeSystem.xml} and the dataset card {@code README.md}, as DKPro Core's XMI writer and INCEpTION's XMI export
 * lay them out. The only format whose offsets are UTF-16 code units (what UIMA counts).
 *
 * <p>Types: every span is an {@value #SPAN} annotation with the features {@code label}, {@code annotator},
 * {@code provenance}, {@code factspanId} and one string feature per attribute name of the schema (see
 * {@link #featureNames}); every attribution is an {@value #ATTRIBUTION} annotation over its content span whose
 * features {@code source}, {@code cue} and {@code content} point at spans. The document is described by DKPro's
 * {@value #DOCUMENT_META_DATA} (title: the name, id: the Factspan id, collection: the project) and its metadata by
 * {@value #META_DATA_FIELD} key-value annotations. One CAS is reused for every document, so memory stays constant.
 */
public final class XmiFormat implements ExportFormat {

    public static final String SPAN = "org.factspan.type.Span";
    public static final String ATTRIBUTION = "org.factspan.type.Attribution";
    public static final String DOCUMENT_META_DATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";
    public static final String META_DATA_FIELD = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.MetaDataStringField";
    public static final String TYPE_SYSTEM_FILE = "TypeSystem.xml";
    /** What UIMA calls a document whose language nobody set. */
    static final String NO_LANGUAGE = "x-unspecified";

    /** The card's reason for values written with U+FFFD in place of characters XML cannot hold. */
    public static final String INVALID_TEXT = "value with characters XML cannot hold (written with U+FFFD)";
    private static final System.Logger LOG = System.getLogger(XmiFormat.class.getName());
    private static final String STRING = CAS.TYPE_NAME_STRING;
    private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("label", "annotator", "provenance", "factspanId", "begin", "end",
            "sofa");

    @Override
    public String id() {
        return "xmi";
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

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out, DatasetInfo info)
            throws IOException {
        Map<String, String> features = featureNames(schema);
        TypeSystemDescription description = typeSystem(schema);
        CAS cas;
        try {
            cas = CasCreationUtils.createCas(description, null, null);
        } catch (ResourceInitializationException e) {
            throw new IllegalStateException("UIMA refused the Factspan type system", e);
        }
        Types types = new Types(cas.getTypeSystem(), features);
        ExportResult.Tally tally = new ExportResult.Tally();
        DatasetCard card = new DatasetCard(schema, info);
        Set<String> names = new HashSet<>();
        ZipOutputStream zip = Zips.open(out);
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            cas.reset();
            fill(cas, types, doc, info == null ? null : info.projectSlug(), tally);
            Zips.begin(zip, Zips.fileName(doc, names) + ".xmi");
            try {
                XmiCasSerializer.serialize(cas, cas.getTypeSystem(), Zips.unclosable(zip), true, null);
            } catch (SAXException e) {
                throw new IOException("UIMA could not serialize document " + doc.id() + " (" + Quote.of(doc.name()) + "): "
                        + e.getMessage(), e);
            }
            zip.closeEntry();
            card.count(doc);
            tally.documents++;
        }
        ExportResult result = tally.result();
        Zips.begin(zip, TYPE_SYSTEM_FILE);
        try {
            XMLSerializer xml = new XMLSerializer(Zips.unclosable(zip), false);
            ContentHandler handler = xml.getContentHandler();
            handler.startDocument();
            description.toXML(handler, true);
            handler.endDocument();
        } catch (SAXException e) {
            throw new IOException("UIMA could not write the type system: " + e.getMessage(), e);
        }
        zip.closeEntry();
        Zips.entry(zip, "README.md", card.markdown("UIMA CAS XMI", """
                One `<name>.xmi` per document (XMI 2.0 as Apache UIMA writes it) and `TypeSystem.xml`; load both with \
                DKPro Core's `XmiReader` (`typeSystemFile`) or import the zip into INCEpTION as UIMA CAS XMI. \
                **Offsets are UTF-16 code units** here (UIMA's `begin`/`end`), unlike every other Factspan format, which \
                counts Unicode code points. Spans: `org.factspan.type.Span` with `label`, `annotator` (or `provenance` \
                for the gold standard), `factspanId` and a string feature per attribute. Attributions: \
                `org.factspan.type.Attribution` over the content span, pointing at its `source`, `cue` and `content` \
                spans. Document: DKPro's `DocumentMetaData` (title = name, id = Factspan id) and a \
                `MetaDataStringField` per metadata entry.
                """, result));
        zip.finish();
        zip.flush();
        return result;
    }

    private static void fill(CAS cas, Types t, ExportDocument doc, String collection, ExportResult.Tally tally) {
        CodePoints cp = CodePoints.of(doc.text());
        // data stored before the valid-text check may hold characters XML cannot: written as U+FFFD (one UTF-16
        // unit for one, so offsets stay), counted in the card and logged, instead of failing the whole export
        int[] replaced = {0};
        java.util.function.UnaryOperator<String> xml = value -> {
            String clean = ValidText.replaceInvalid(value);
            if (clean != value) {
                replaced[0]++;
            }
            return clean;
        };
        cas.setDocumentText(xml.apply(doc.text()));
        // DKPro's DocumentMetaData replaces UIMA's plain document annotation (as DocumentMetaData.create does)
        AnnotationFS plain = cas.getDocumentAnnotation();
        if (plain != null) {
            cas.removeFsFromIndexes(plain);
        }
        AnnotationFS meta = cas.createAnnotation(t.documentMetaData, 0, doc.text().length());
        meta.setStringValue(t.language, NO_LANGUAGE);
        meta.setStringValue(t.documentTitle, xml.apply(doc.name()));
        meta.setStringValue(t.documentId, String.valueOf(doc.id()));
        if (collection != null) {
            meta.setStringValue(t.collectionId, collection);
        }
        meta.setBooleanValue(t.isLastSegment, false);
        cas.addFsToIndexes(meta);
        for (Map.Entry<String, String> m : doc.meta().entrySet()) {
            AnnotationFS field = cas.createAnnotation(t.metaDataField, 0, 0);
            field.setStringValue(t.key, xml.apply(m.getKey()));
            field.setStringValue(t.value, xml.apply(m.getValue()));
            cas.addFsToIndexes(field);
        }
        Map<Long, AnnotationFS> spans = new HashMap<>();
        for (ExportSpan s : doc.spans()) {
            AnnotationFS span = cas.createAnnotation(t.span, cp.toUtf16(s.start()), cp.toUtf16(s.end()));
            span.setStringValue(t.label, xml.apply(s.label()));
            span.setLongValue(t.spanId, s.id());
            if (s.annotator() != null) {
                span.setStringValue(t.spanAnnotator, xml.apply(s.annotator()));
            }
            if (s.provenance() != null) {
                span.setStringValue(t.spanProvenance, s.provenance());
            }
            s.attributes().forEach((name, value) -> {
                Feature feature = t.attributes.get(name);
                if (feature == null) {
                    tally.drop("attribute not in the schema", 1);
                } else {
                    span.setStringValue(feature, xml.apply(value));
                }
            });
            cas.addFsToIndexes(span);
            spans.put(s.id(), span);
            tally.spans++;
        }
        for (ExportAttribution a : doc.attributions()) {
            AnnotationFS content = spans.get(a.content());
            AnnotationFS source = a.source() == null ? null : spans.get(a.source());
            AnnotationFS cue = a.cue() == null ? null : spans.get(a.cue());
            if (content == null || (a.source() != null && source == null) || (a.cue() != null && cue == null)) {
                tally.drop("attribution of a missing span", 1);
                continue;
            }
            AnnotationFS link = cas.createAnnotation(t.attribution, content.getBegin(), content.getEnd());
            link.setFeatureValue(t.content, content);
            if (source != null) {
                link.setFeatureValue(t.source, source);
            }
            if (cue != null) {
                link.setFeatureValue(t.cue, cue);
            }
            link.setLongValue(t.attributionId, a.id());
            if (a.annotator() != null) {
                link.setStringValue(t.attributionAnnotator, xml.apply(a.annotator()));
            }
            if (a.provenance() != null) {
                link.setStringValue(t.attributionProvenance, a.provenance());
            }
            cas.addFsToIndexes(link);
            tally.attributions++;
        }
        if (replaced[0] > 0) {
            tally.drop(INVALID_TEXT, replaced[0]);
            LOG.log(System.Logger.Level.WARNING, "XMI export: document " + doc.id() + " has " + replaced[0]
                    + " stored value(s) with characters XML cannot hold; written with U+FFFD in their place");
        }
    }

    /**
     * The UIMA feature name of each attribute of the schema: the name itself when it is a valid feature name and not
     * one of the span's own features, else {@code attr_} and the name with other characters replaced by {@code _}
     * (numbered when that collides).
     */
    public static Map<String, String> featureNames(ExportSchema schema) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(RESERVED);
        for (String attribute : schema.attributeNames()) {
            String name = FEATURE_NAME.matcher(attribute).matches() && !RESERVED.contains(attribute) ? attribute
                    : "attr_" + attribute.replaceAll("[^A-Za-z0-9_]", "_");
            String unique = name;
            for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "_" + n;
            }
            names.put(attribute, unique);
        }
        return names;
    }

    /** The type system of an export of this schema, as written to {@value #TYPE_SYSTEM_FILE}. */
    public static TypeSystemDescription typeSystem(ExportSchema schema) {
        TypeSystemDescription ts = UIMAFramework.getResourceSpecifierFactory().createTypeSystemDescription();
        ts.setName("Factspan");
        ts.setDescription("Claims, sources and attribution cues in news text, exported by Factspan.");
        TypeDescription span = ts.addType(SPAN, "A labelled span of one annotator (or of the gold standard).",
                CAS.TYPE_NAME_ANNOTATION);
        span.addFeature("label", "The label, such as CLAIM, SOURCE or ATTRIBUTION.", STRING);
        span.addFeature("annotator", "Who made the span; empty for gold spans.", STRING);
        span.addFeature("provenance", "How a gold span was settled; empty for an annotator's span.", STRING);
        span.addFeature("factspanId", "The span's id in Factspan.", CAS.TYPE_NAME_LONG);
        featureNames(schema).forEach((attribute, feature) -> span.addFeature(feature,
                "Span attribute '" + attribute + "'.", STRING));
        TypeDescription attribution = ts.addType(ATTRIBUTION, "Who said what: a source, a cue and a content span;"
                + " covers the content span. Source or cue may be missing.", CAS.TYPE_NAME_ANNOTATION);
        attribution.addFeature("source", "Who said it (a SOURCE span), or empty.", SPAN);
        attribution.addFeature("cue", "The words that tie source and content (a cue span), or empty.", SPAN);
        attribution.addFeature("content", "What was said (a CLAIM span).", SPAN);
        attribution.addFeature("annotator", "Who made the attribution; empty in the gold standard.", STRING);
        attribution.addFeature("provenance", "How a gold attribution was settled.", STRING);
        attribution.addFeature("factspanId", "The attribution's id in Factspan.", CAS.TYPE_NAME_LONG);
        TypeDescription dmd = ts.addType(DOCUMENT_META_DATA, "DKPro Core's document metadata.",
                CAS.TYPE_NAME_DOCUMENT_ANNOTATION);
        dmd.addFeature("documentTitle", "The document's name in Factspan.", STRING);
        dmd.addFeature("documentId", "The document's id in Factspan.", STRING);
        dmd.addFeature("documentUri", "Not set.", STRING);
        dmd.addFeature("collectionId", "The project's slug.", STRING);
        dmd.addFeature("documentBaseUri", "Not set.", STRING);
        dmd.addFeature("isLastSegment", "Always false.", CAS.TYPE_NAME_BOOLEAN);
        TypeDescription field = ts.addType(META_DATA_FIELD, "One entry of the document's metadata.",
                CAS.TYPE_NAME_ANNOTATION);
        field.addFeature("key", "Name of a metadata field.", STRING);
        field.addFeature("value", "The field value.", STRING);
        return ts;
    }

    /** Types and features looked up once per export. */
    private static final class Types {
        final Type span;
        final Feature label;
        final Feature spanAnnotator;
        final Feature spanProvenance;
        final Feature spanId;
        final Map<String, Feature> attributes = new HashMap<>();
        final Type attribution;
        final Feature source;
        final Feature cue;
        final Feature content;
        final Feature attributionAnnotator;
        final Feature attributionProvenance;
        final Feature attributionId;
        final Type documentMetaData;
        final Feature language;
        final Feature documentTitle;
        final Feature documentId;
        final Feature collectionId;
        final Feature isLastSegment;
        final Type metaDataField;
        final Feature key;
        final Feature value;

        Types(TypeSystem ts, Map<String, String> attributeFeatures) {
            span = ts.getType(SPAN);
            label = span.getFeatureByBaseName("label");
            spanAnnotator = span.getFeatureByBaseName("annotator");
            spanProvenance = span.getFeatureByBaseName("provenance");
            spanId = span.getFeatureByBaseName("factspanId");
            attributeFeatures.forEach((attribute, feature) -> attributes.put(attribute,
                    span.getFeatureByBaseName(feature)));
            attribution = ts.getType(ATTRIBUTION);
            source = attribution.getFeatureByBaseName("source");
            cue = attribution.getFeatureByBaseName("cue");
            content = attribution.getFeatureByBaseName("content");
            attributionAnnotator = attribution.getFeatureByBaseName("annotator");
            attributionProvenance = attribution.getFeatureByBaseName("provenance");
            attributionId = attribution.getFeatureByBaseName("factspanId");
            documentMetaData = ts.getType(DOCUMENT_META_DATA);
            language = documentMetaData.getFeatureByBaseName(CAS.FEATURE_BASE_NAME_LANGUAGE);
            documentTitle = documentMetaData.getFeatureByBaseName("documentTitle");
            documentId = documentMetaData.getFeatureByBaseName("documentId");
            collectionId = documentMetaData.getFeatureByBaseName("collectionId");
            isLastSegment = documentMetaData.getFeatureByBaseName("isLastSegment");
            metaDataField = ts.getType(META_DATA_FIELD);
            key = metaDataField.getFeatureByBaseName("key");
            value = metaDataField.getFeatureByBaseName("value");
        }
    }
}
