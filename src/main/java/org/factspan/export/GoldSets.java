package org.factspan.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.CurationService;
import org.factspan.curation.CurationStatus;
import org.factspan.security.Actor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The set {@value #GOLD}: the gold standard of every document whose curation has started (in progress or curated),
 * each span and attribution carrying its provenance ({@code unanimous}, {@code majority}, {@code adjudicated},
 * {@code curator}) instead of an annotator. Curators of the project and admins only.
 */
@Component
@Order(-1)
class GoldSets implements AnnotationSets {

    static final String GOLD = "gold";

    private final AnnotationService annotations;
    private final CurationService curation;
    private final CorpusService corpus;

    GoldSets(AnnotationService annotations, CurationService curation, CorpusService corpus) {
        this.annotations = annotations;
        this.curation = curation;
        this.corpus = corpus;
    }

    @Override
    public List<String> sets(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).curatedBy(actor) ? List.of(GOLD) : List.of();
    }

    /** Whether the caller may export gold and any document of the project has a gold standard (curation started). */
    boolean hasGold(Actor actor, String slug) {
        return !sets(actor, slug).isEmpty() && curation.statuses(actor, slug).values().stream()
                .anyMatch(st -> st != CurationStatus.NOT_STARTED);
    }

    @Override
    public boolean owns(String set) {
        return GOLD.equals(set);
    }

    @Override
    public ExportSelection select(Actor actor, String slug, String set, AnnotationFilter filter) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (!project.curatedBy(actor)) {
            throw new ForbiddenException("Only curators of project " + Quote.of(slug) + " and admins export the gold standard");
        }
        Set<String> labels = filter == null ? Set.of() : filter.labels();
        for (String label : labels) {
            if (project.label(label).isEmpty()) {
                throw new InvalidRequestException("Unknown label " + Quote.of(label) + "; the project has "
                        + String.join(", ", project.labels().stream().map(LabelInfo::name).toList()));
            }
        }
        Set<Long> only = filter == null ? Set.of() : filter.documentIds();
        Map<Long, CurationStatus> statuses = curation.statuses(actor, slug);
        for (long id : only) {
            if (!statuses.containsKey(id)) {
                throw new InvalidRequestException("No document " + id + " in project " + slug);
            }
        }
        List<Long> ids = statuses.entrySet().stream()
                .filter(e -> e.getValue() != CurationStatus.NOT_STARTED && (only.isEmpty() || only.contains(e.getKey())))
                .map(Map.Entry::getKey).toList();
        Owner gold = annotations.gold(null);
        return new ExportSelection() {
            @Override
            public ProjectInfo project() {
                return project;
            }

            @Override
            public String set() {
                return GOLD;
            }

            @Override
            public List<Long> documentIds() {
                return ids;
            }

            @Override
            public Set<String> labels() {
                return labels;
            }

            @Override
            public Iterator<ExportDocument> documents() {
                Iterator<Long> source = ids.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return source.hasNext();
                    }

                    @Override
                    public ExportDocument next() {
                        return document(actor, slug, gold, source.next(), labels);
                    }
                };
            }
        };
    }

    private ExportDocument document(Actor actor, String slug, Owner gold, long id, Set<String> labels) {
        DocumentContent d = corpus.openDocument(actor, slug, id);
        AnnotationService.Provenances provenance = annotations.provenance(actor, gold, slug, id);
        List<ExportSpan> spans = new ArrayList<>();
        Set<Long> kept = new java.util.HashSet<>();
        for (SpanInfo s : annotations.listSpans(actor, gold, slug, id)) {
            if (labels.isEmpty() || labels.contains(s.label())) {
                spans.add(new ExportSpan(s.id(), s.start(), s.end(), s.label(), s.text(), null,
                        kind(provenance.spans().get(s.id())), s.attributes()));
                kept.add(s.id());
            }
        }
        List<ExportAttribution> attributions = new ArrayList<>();
        for (AttributionInfo a : annotations.listAttributions(actor, gold, slug, id)) {
            // a triple needs all its spans (as in the annotators' sets)
            if (kept.contains(a.content()) && (a.source() == null || kept.contains(a.source()))
                    && (a.cue() == null || kept.contains(a.cue()))) {
                attributions.add(new ExportAttribution(a.id(), a.source(), a.cue(), a.content(), null,
                        kind(provenance.attributions().get(a.id()))));
            }
        }
        return new ExportDocument(d.id(), d.name(), d.text(), d.meta(), spans, attributions);
    }

    private static String kind(Provenance p) {
        return p == null || p.kind() == null ? Provenance.Kind.CURATOR.id() : p.kind().id();
    }
}
