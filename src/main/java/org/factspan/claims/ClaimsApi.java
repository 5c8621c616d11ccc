package org.factspan.claims;

import java.util.List;
import org.factspan.base.InvalidRequestException;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
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

    private final ClaimService claims;
    private final CurrentUser currentUser;

    ClaimsApi(ClaimService claims, CurrentUser currentUser) {
        this.claims = claims;
        this.currentUser = currentUser;
    }

    @GetMapping("/clusters")
    List<ClaimViews.Cluster> clusters(@PathVariable String slug, @RequestParam(required = false) String conflict,
            @RequestParam(required = false) String outlet, @RequestParam(required = false) String attribute,
            @RequestParam(required = false) String q) {
        return claims.clusters(currentUser.require(), slug, new ClaimViews.Filter(conflict, outlet, attribute, q));
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
        return claims.rename(currentUser.require(), slug, id, version, body == null ? null : body.statement());
    }

    @DeleteMapping("/clusters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) Long version) {
        claims.delete(currentUser.require(), slug, id, version);
    }

    @PostMapping("/clusters/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimViews.Cluster addMember(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestBody NewMember body) {
        if (body == null || body.span() == null) {
            throw new InvalidRequestException("'span' (the id of a CLAIM span) is required");
        }
        return claims.addMember(currentUser.require(), slug, id, version, body.span(), body.stance());
    }

    @PutMapping("/clusters/{id}/members/{memberId}")
    ClaimViews.Cluster setStance(@PathVariable String slug, @PathVariable long id, @PathVariable long memberId,
            @RequestParam(required = false) Long version, @RequestBody StanceChange body) {
        return claims.setStance(currentUser.require(), slug, id, version, memberId, body == null ? null : body.stance());
    }

    @DeleteMapping("/clusters/{id}/members/{memberId}")
    ClaimViews.Cluster removeMember(@PathVariable String slug, @PathVariable long id, @PathVariable long memberId,
            @RequestParam(required = false) Long version) {
        return claims.removeMember(currentUser.require(), slug, id, version, memberId);
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
