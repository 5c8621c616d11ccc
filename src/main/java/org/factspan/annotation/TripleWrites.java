package org.factspan.annotation;

import static org.factspan.annotation.AnnotationService.noSourceNorCue;
import static org.factspan.annotation.AnnotationService.roleName;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The attribution-triple writes of {@link AnnotationService} (its "triples" section): create, link by roles, restore,
 * delete, each for an owner, with the checks a new triple must pass. Called through {@link AnnotationService}, which
 * holds the transactions and the permission-checked entry points.
 */
@Component
class TripleWrites {

    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final Clock clock;
    private final SpanLocks locks;
    private final AnnotationGuards guards;

    TripleWrites(AttributionRepository attributions, CorpusService corpus, Clock clock, SpanLocks locks,
            AnnotationGuards guards) {
        this.attributions = attributions;
        this.corpus = corpus;
        this.clock = clock;
        this.locks = locks;
        this.guards = guards;
    }

    AttributionInfo createAttribution(Actor actor, Owner owner, String slug, long documentId, Long source,
            Long cue, long content) {
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        requireNewTriple(owner, project, documentId, source, cue, content);
        Attribution attribution = new Attribution(documentId, owner.userId(), source, cue, content, clock.instant());
        guards.stamp(actor, owner, attribution::stamp);
        AttributionInfo made = attributions.saveAndFlush(attribution).toInfo();
        guards.audit(actor, "attribution.create", project.id(), documentId, content, made.id(), owner, null, made);
        return made;
    }

    /**
     * What a new (or restored) triple must satisfy: a source or a cue, the owner's spans in the right roles, not
     * there already. The spans stay locked until the triple is stored (or the call fails): a concurrent delete waits
     * (decision 016).
     */
    private void requireNewTriple(Owner owner, ProjectInfo project, long documentId, Long source, Long cue,
            long content) {
        if (source == null && cue == null) {
            throw new InvalidRequestException(noSourceNorCue(project));
        }
        Map<Long, Span> parts = guards.ownSpans(owner, documentId, java.util.stream.Stream.of(source, cue, content)
                .filter(Objects::nonNull).toList());
        Span contentSpan = parts.get(content);
        if (!project.hasRole(contentSpan.getLabel(), LabelKind.CONTENT)) {
            throw new InvalidRequestException("The content of an attribution must be a "
                    + roleName(project, LabelKind.CONTENT) + " span, not " + contentSpan.getLabel());
        }
        if (source != null && !project.hasRole(parts.get(source).getLabel(), LabelKind.SOURCE)) {
            throw new InvalidRequestException("The source of an attribution must be a "
                    + roleName(project, LabelKind.SOURCE) + " span");
        }
        if (cue != null) {
            String cueLabel = parts.get(cue).getLabel();
            if (project.label(cueLabel).map(l -> l.kind() != LabelKind.CUE).orElse(true)) {
                throw new InvalidRequestException("The cue of an attribution must be a cue span (of a label with the cue role), not "
                        + cueLabel);
            }
        }
        boolean duplicate = attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .anyMatch(a -> a.getContentSpanId() == content && Objects.equals(a.getSourceSpanId(), source)
                        && Objects.equals(a.getCueSpanId(), cue));
        if (duplicate) {
            throw new ConflictException("This attribution exists already");
        }
    }

    /** Brings back a deleted attribution under its own id (see {@link #restoreSpan}); its spans must be there. */
    AttributionInfo restoreAttribution(Actor actor, Owner owner, String slug, long documentId,
            AttributionInfo triple) {
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        if (triple.documentId() != documentId) {
            throw new InvalidRequestException("That attribution belongs to another document");
        }
        if (attributions.existsById(triple.id())) {
            throw new ConflictException("That attribution is there already (it was brought back elsewhere)");
        }
        requireNewTriple(owner, project, documentId, triple.source(), triple.cue(), triple.content());
        try {
            attributions.insertWithId(triple.id(), documentId, owner.userId(), triple.source(), triple.cue(),
                    triple.content(), clock.instant());
            attributions.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("A span of this attribution was deleted meanwhile");
        }
        Attribution saved = attributions.findById(triple.id()).orElseThrow();
        guards.stamp(actor, owner, saved::stamp);
        attributions.flush();
        AttributionInfo made = saved.toInfo();
        guards.audit(actor, "attribution.restore", project.id(), documentId, made.content(), made.id(), owner, null, made);
        return made;
    }

    AttributionInfo linkSpans(Actor actor, Owner owner, String slug, long documentId, List<Long> spanIds) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        Long source = null;
        Long cue = null;
        Long content = null;
        Map<Long, Span> locked = guards.ownSpans(owner, documentId, spanIds);
        for (long id : new java.util.LinkedHashSet<>(spanIds)) {
            String label = locked.get(id).getLabel();
            LabelKind role = project.label(label).map(LabelInfo::kind).orElse(LabelKind.SPAN);
            boolean isCue = role == LabelKind.CUE;
            if (role == LabelKind.CONTENT && content == null) {
                content = id;
            } else if (role == LabelKind.SOURCE && source == null) {
                source = id;
            } else if (isCue && cue == null) {
                cue = id;
            } else {
                throw new InvalidRequestException("An attribution links one " + roleName(project, LabelKind.CONTENT)
                        + ", at most one " + roleName(project, LabelKind.SOURCE) + " and at most one cue; span " + id
                        + " (" + label + ") does not fit");
            }
        }
        if (content == null) {
            throw new InvalidRequestException("An attribution needs a " + roleName(project, LabelKind.CONTENT)
                    + " span as its content");
        }
        return createAttribution(actor, owner, slug, documentId, source, cue, content);
    }

    AttributionInfo deleteAttribution(Actor actor, Owner owner, String slug, DocumentId document,
            long attributionId) {
        long documentId = document.value();
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        Attribution a = locks.lockAttribution(documentId, attributionId);
        if (a.getUserId() != owner.userId()) {
            throw new ForbiddenException("Attribution " + attributionId + " belongs to another annotator");
        }
        attributions.delete(a);
        attributions.flush();
        guards.audit(actor, "attribution.delete", project.id(), documentId, a.getContentSpanId(), attributionId, owner, a.toInfo(),
                null);
        return a.toInfo();
    }
}
