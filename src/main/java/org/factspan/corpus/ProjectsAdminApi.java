package org.factspan.corpus;

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
 * Projects with their settings, label schema, guidelines and members. Admins create, rename, archive and delete
 * projects and manage members; curators of a project and admins change its schema, settings and guidelines.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsAdminApi {

    record Membership(ProjectRole role) {
    }

    /** A label without its name (the name is in the path). */
    record LabelBody(String title, String key, String letter, String color, LabelKind kind,
            List<AttributeDef> attributes) {
    }

    private final ProjectAdminService admin;
    private final CurrentUser currentUser;

    ProjectsAdminApi(ProjectAdminService admin, CurrentUser currentUser) {
        this.admin = admin;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectDetails create(@RequestBody ProjectSpec spec) {
        return admin.create(currentUser.require(), spec);
    }

    @GetMapping("/{slug}")
    ProjectDetails get(@PathVariable String slug) {
        return admin.details(currentUser.require(), slug);
    }

    /** Changes name, description, guidelines, settings, archived and (with {@code labels}) the whole schema. */
    @PutMapping("/{slug}")
    ProjectDetails change(@PathVariable String slug, @RequestBody ProjectChange change) {
        return admin.change(currentUser.require(), slug, change);
    }

    /** Deletes the project and everything in it; {@code confirm} must be the project's name. */
    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @RequestParam(required = false) String confirm) {
        admin.delete(currentUser.require(), slug, confirm);
    }

    @GetMapping("/{slug}/labels/{label}/usage")
    LabelUse labelUse(@PathVariable String slug, @PathVariable String label) {
        return admin.labelUse(currentUser.require(), slug, label);
    }

    /** Adds or changes one label (the name in the path wins over one in the body). */
    @PutMapping("/{slug}/labels/{label}")
    ProjectDetails saveLabel(@PathVariable String slug, @PathVariable String label, @RequestBody LabelBody body) {
        if (body == null) {
            throw new InvalidRequestException("Body {\"title\", \"key\", \"letter\", \"color\", \"kind\", \"attributes\"}"
                    + " is required");
        }
        LabelInfo info;
        try {
            info = new LabelInfo(label, body.title(), body.key(), body.letter(), body.color(), body.kind(),
                    body.attributes());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return admin.saveLabel(currentUser.require(), slug, info);
    }

    /** Removes a label; when spans use it, {@code mapTo} names the label they move to (else 409 with the count). */
    @DeleteMapping("/{slug}/labels/{label}")
    ProjectDetails removeLabel(@PathVariable String slug, @PathVariable String label,
            @RequestParam(required = false) String mapTo) {
        return admin.removeLabel(currentUser.require(), slug, label, mapTo);
    }

    @GetMapping("/{slug}/members")
    List<MemberInfo> members(@PathVariable String slug) {
        return admin.members(currentUser.require(), slug);
    }

    /** Adds the user to the project, or changes their role there: body {@code {"role": "CURATOR"|"ANNOTATOR"}}. */
    @PutMapping("/{slug}/members/{username}")
    MemberInfo setMember(@PathVariable String slug, @PathVariable String username, @RequestBody Membership body) {
        return admin.setMember(currentUser.require(), slug, username, body == null ? null : body.role());
    }

    @DeleteMapping("/{slug}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable String slug, @PathVariable String username) {
        admin.removeMember(currentUser.require(), slug, username);
    }
}
