package org.factspan.annotation;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spans of one user on one document. Everyone who may open a document (admin or project member)
 * annotates it for themselves, and sees only their own spans.
 */
@Service
public class AnnotationService {

    private final SpanRepository spans;
    private final CorpusService corpus;
    private final Clock clock;

    AnnotationService(SpanRepository spans, CorpusService corpus, Clock clock) {
        this.spans = spans;
        this.corpus = corpus;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SpanInfo> listMySpans(Actor actor, String slug, long documentId) {
        DocumentContent doc = corpus.openDocument(actor, slug, documentId);
        CodePoints text = CodePoints.of(doc.text());
        return spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, actor.userId()).stream()
                .map(s -> toInfo(s, text, actor.username()))
                .toList();
    }

    @Transactional
    public SpanInfo createSpan(Actor actor, String slug, long documentId, int start, int end, String label) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        DocumentContent doc = corpus.openDocument(actor, slug, documentId);
        if (label == null || project.label(label).isEmpty()) {
            throw new InvalidRequestException("Unknown label '" + label + "'; this project has "
                    + project.labels().stream().map(l -> l.name()).collect(Collectors.joining(", ")));
        }
        if (start < 0 || end > doc.length() || start >= end) {
            throw new InvalidRequestException("Span " + start + ".." + end + " is not a non-empty range inside the text"
                    + " (0.." + doc.length() + " code points, end exclusive)");
        }
        if (spans.existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(documentId, actor.userId(), label, start, end)) {
            throw new ConflictException("You have labeled " + start + ".." + end + " as " + label + " already");
        }
        Span saved = spans.saveAndFlush(new Span(documentId, actor.userId(), label, start, end, clock.instant()));
        return toInfo(saved, CodePoints.of(doc.text()), actor.username());
    }

    @Transactional
    public void deleteSpan(Actor actor, String slug, long documentId, long spanId) {
        corpus.openDocument(actor, slug, documentId);
        Span span = spans.findById(spanId)
                .filter(s -> s.getDocumentId() == documentId)
                .orElseThrow(() -> new NotFoundException("No span " + spanId + " in document " + documentId));
        if (span.getUserId() != actor.userId()) {
            throw new ForbiddenException("Span " + spanId + " belongs to another annotator");
        }
        spans.delete(span);
    }

    private static SpanInfo toInfo(Span s, CodePoints text, String annotator) {
        return new SpanInfo(s.getId(), s.getDocumentId(), s.getStart(), s.getEnd(), s.getLabel(),
                text.substring(s.getStart(), s.getEnd()), annotator, s.getCreatedAt());
    }
}
