package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.factspan.base.ForbiddenException;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, shared plumbing: the one curator check every service uses ({@link ProjectInfo#requireCuratedBy}): the
 * project's curators and admins pass, an annotator of the project (and an admin's view without a role) are told who
 * may, in one sentence shape.
 */
class CuratorCheckTest {

    static ProjectInfo project(Optional<ProjectRole> role) {
        return new ProjectInfo(1, "p-1", "P", null, null, true, role, List.of());
    }

    @Test
    void curatorsAndAdminsPassAnnotatorsAreToldWhoMay() {
        Actor curator = new Actor(1, "cur", Role.CURATOR);
        Actor admin = new Actor(2, "root", Role.ADMIN);
        Actor annotator = new Actor(3, "ann", Role.ANNOTATOR);
        ProjectInfo asCurator = project(Optional.of(ProjectRole.CURATOR));
        assertThat(asCurator.requireCuratedBy(curator, "manage assignments")).isSameAs(asCurator);
        assertThat(project(Optional.empty()).requireCuratedBy(admin, "manage assignments")).isNotNull();
        assertThatThrownBy(() -> project(Optional.of(ProjectRole.ANNOTATOR)).requireCuratedBy(annotator,
                "manage assignments")).isInstanceOf(ForbiddenException.class)
                .hasMessage("Only curators of project 'p-1' and admins manage assignments");
        // a curator elsewhere with the global role CURATOR is not a curator here
        assertThatThrownBy(() -> project(Optional.of(ProjectRole.ANNOTATOR)).requireCuratedBy(curator, "see its"
                + " progress")).isInstanceOf(ForbiddenException.class);
    }
}
