package org.factspan.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationExchangeService;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationSelection;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The annotators' sets: {@value AnnotationExchangeService#ALL} and one user name, with the permissions of
 * {@link AnnotationExchangeService}. Answers for every set name no other {@link AnnotationSets} owns (unknown names
 * are refused there, naming the valid sets).
 */
@Component
@Order(0)
class AnnotatorSets implements AnnotationSets {

    private final AnnotationExchangeService exchange;

    AnnotatorSets(AnnotationExchangeService exchange) {
        this.exchange = exchange;
    }

    @Override
    public List<String> sets(Actor actor, String slug) {
        return exchange.sets(actor, slug);
    }

    @Override
    public boolean owns(String set) {
        return true;
    }

    @Override
    public ExportSelection select(Actor actor, String slug, String set, AnnotationFilter filter) {
        AnnotationSelection selection = exchange.select(actor, slug, set, filter);
        return new ExportSelection() {
            @Override
            public ProjectInfo project() {
                return selection.project();
            }

            @Override
            public String set() {
                return selection.set();
            }

            @Override
            public List<Long> documentIds() {
                return selection.documentIds();
            }

            @Override
            public Set<String> labels() {
                return selection.labels();
            }

            @Override
            public Iterator<ExportDocument> documents() {
                Iterator<AnnotatedDocument> source = exchange.documents(selection);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return source.hasNext();
                    }

                    @Override
                    public ExportDocument next() {
                        return toExport(source.next());
                    }
                };
            }
        };
    }

    static ExportDocument toExport(AnnotatedDocument doc) {
        List<ExportSpan> spans = new ArrayList<>(doc.spans().size());
        java.util.Map<Long, String> owners = new java.util.HashMap<>();
        for (SpanInfo s : doc.spans()) {
            spans.add(new ExportSpan(s.id(), s.start(), s.end(), s.label(), s.text(), s.annotator(), null,
                    s.attributes()));
            owners.put(s.id(), s.annotator());
        }
        List<ExportAttribution> attributions = new ArrayList<>(doc.attributions().size());
        for (AttributionInfo a : doc.attributions()) {
            attributions.add(new ExportAttribution(a.id(), a.source(), a.cue(), a.content(), owners.get(a.content()),
                    null));
        }
        var d = doc.document();
        return new ExportDocument(d.id(), d.name(), d.text(), d.meta(), spans, attributions);
    }
}
