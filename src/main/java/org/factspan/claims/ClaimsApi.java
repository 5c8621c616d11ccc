package org.factspan.claims;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.SpanId;
import org.factspan.base.Version;
import org.factspan.base.audit.AuditEvent;
import org.factspan.base.InvalidRequestException;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claim clusters of a project, their members and stances, and suggestions (decision 013). Changes take an optional
 * {@code ?version=N} (the cluster version they were based on; a stale one answers 409).
 */
@RestController
@RequestMapping("/api/v1/projects/{slug}/claims")
class ClaimsApi {

    record NewCluster(String statement, List<Long> spans) {
    }

    record ClusterChange(String statement) {
    }

    record NewMember(Long span, String stance) {
    }

    record StanceChange(String stance) {
    }

    record TimeChange(String expression) {
    }

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final ClaimService claims;
    private final CurrentUser currentUser;

    ClaimsApi(ClaimService claims, CurrentUser currentUser) {
        this.claims = claims;
        this.currentUser = currentUser;
    }

    /** The cluster version a change is based on; none (the change is not checked) when the request names none. */
    private static Version expected(Long version) {
        return version == null ? null : new Version(version);
    }

    @GetMapping("/clusters")
    List<ClaimViews.Cluster> clusters(@PathVariable String slug, @RequestParam(required = false) String conflict,
            @RequestParam(required = false) String outlet, @RequestParam(required = false) String attribute,
            @RequestParam(required = false) String q, @RequestParam(required = false) String verdict) {
        return claims.clusters(currentUser.require(), slug, new ClaimViews.Filter(conflict, outlet, attribute, q,
                verdict));
    }

    @GetMapping("/clusters/{id}")
    ClaimViews.Cluster cluster(@PathVariable String slug, @PathVariable long id) {
        return claims.cluster(currentUser.require(), slug, id);
    }

    @PostMapping("/clusters")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimViews.Cluster create(@PathVariable String slug, @RequestBody NewCluster body) {
        if (body == null) {
            throw new InvalidRequestException("Send {\"statement\": \"...\", \"spans\": [span ids]}");
        }
        return claims.create(currentUser.require(), slug, body.statement(), body.spans());
    }

    @PutMapping("/clusters/{id}")
    ClaimViews.Cluster rename(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestBody ClusterChange body) {
        return claims.rename(currentUser.require(), slug, new ClusterId(id), expected(version), body == null ? null : body.statement());
    }

    @DeleteMapping("/clusters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) Long version) {
        claims.delete(currentUser.require(), slug, new ClusterId(id), expected(version));
    }

    @PostMapping("/clusters/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimViews.Cluster addMember(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestBody NewMember body) {
        if (body == null || body.span() == null) {
            throw new InvalidRequestException("'span' (the id of a CLAIM span) is required");
        }
        return claims.addMember(currentUser.require(), slug, new ClusterId(id), expected(version), new SpanId(body.span()), body.stance());
    }

    @PutMapping("/clusters/{id}/members/{memberId}")
    ClaimViews.Cluster setStance(@PathVariable String slug, @PathVariable long id, @PathVariable long memberId,
            @RequestParam(required = false) Long version, @RequestBody StanceChange body) {
        return claims.setStance(currentUser.require(), slug, new ClusterId(id), expected(version), memberId, body == null ? null : body.stance());
    }

    @DeleteMapping("/clusters/{id}/members/{memberId}")
    ClaimViews.Cluster removeMember(@PathVariable String slug, @PathVariable long id, @PathVariable long memberId,
            @RequestParam(required = false) Long version) {
        return claims.removeMember(currentUser.require(), slug, new ClusterId(id), expected(version), memberId);
    }

    /** Records the curators' verdict (replacing any earlier one). */
    @PutMapping("/clusters/{id}/verdict")
    ClaimViews.Cluster setVerdict(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestBody(required = false) ClaimViews.VerdictInput body) {
        return claims.setVerdict(currentUser.require(), slug, new ClusterId(id), expected(version), body);
    }

    @DeleteMapping("/clusters/{id}/verdict")
    ClaimViews.Cluster clearVerdict(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) Long version) {
        return claims.clearVerdict(currentUser.require(), slug, new ClusterId(id), expected(version));
    }

    /** The cluster's verdicts as the audit trail has them, oldest first. */
    @GetMapping("/clusters/{id}/history")
    List<AuditEvent> history(@PathVariable String slug, @PathVariable long id) {
        return claims.history(currentUser.require(), slug, id);
    }

    @GetMapping("/clusters/{id}/timeline")
    ClaimViews.Timeline timeline(@PathVariable String slug, @PathVariable long id) {
        return claims.timeline(currentUser.require(), slug, id);
    }

    /** The timeline chart of one count ({@code unit}: killed, wounded...; default the most frequent) as SVG. */
    @GetMapping("/clusters/{id}/timeline.svg")
    ResponseEntity<String> timelineSvg(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) String unit) {
        ClaimViews.Timeline timeline = claims.timeline(currentUser.require(), slug, id);
        if (unit != null && !TimelineChart.units(timeline).contains(unit)) {
            throw new InvalidRequestException("Cluster " + id + " counts no '" + abbreviate(unit) + "'; it counts: "
                    + String.join(", ", TimelineChart.units(timeline)));
        }
        return ResponseEntity.ok().contentType(SVG).body(TimelineChart.svg(timeline, unit));
    }

    /** The cluster's verdict as schema.org ClaimReview JSON-LD; 409 while it has no verdict. */
    @GetMapping("/clusters/{id}/claimreview")
    ResponseEntity<Map<String, Object>> claimReview(@PathVariable String slug, @PathVariable long id) {
        return ResponseEntity.ok().contentType(JSON_LD).body(claims.claimReview(currentUser.require(), slug, id));
    }

    /** Sets a claim span's reference time by hand ({@code expression}: ISO or words; blank: from the text again). */
    @PutMapping("/spans/{spanId}/time")
    ClaimViews.Time setTime(@PathVariable String slug, @PathVariable long spanId,
            @RequestBody(required = false) TimeChange body) {
        if (body == null) {
            throw new InvalidRequestException("Send {\"expression\": \"as of midday Thursday\"} or an ISO time");
        }
        return claims.setTime(currentUser.require(), slug, spanId, body.expression());
    }

    @DeleteMapping("/spans/{spanId}/time")
    ClaimViews.Time clearTime(@PathVariable String slug, @PathVariable long spanId) {
        return claims.setTime(currentUser.require(), slug, spanId, null);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @GetMapping("/suggestions")
    List<ClaimViews.Suggestion> suggestions(@PathVariable String slug, @RequestParam(required = false) Long span,
            @RequestParam(required = false) Long cluster, @RequestParam(defaultValue = "10") int limit) {
        if (span == null) {
            throw new InvalidRequestException("'span' (the id of a CLAIM span) is required");
        }
        if (limit < 1 || limit > 100) {
            throw new InvalidRequestException("'limit' must be between 1 and 100");
        }
        return claims.suggestions(currentUser.require(), slug, span, cluster, limit);
    }

    @GetMapping("/spans")
    List<ClaimViews.ClaimChoice> claimSpans(@PathVariable String slug) {
        return claims.claims(currentUser.require(), slug);
    }
}
