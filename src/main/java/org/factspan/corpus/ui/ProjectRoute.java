package org.factspan.corpus.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.factspan.base.NotFoundException;
import org.factspan.base.RefusedException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * The views' one way into a project page ({@code projects/:slug/...}): reads {@code :slug}, requires the signed-in
 * user and a project they may see, and runs the view's set-up with them. A project that does not exist or is not
 * theirs, or a refusal of the set-up itself (a document that is not there, a page only curators open), sends the user
 * to the not-found page with the refusal's message; nothing of the view is shown half set up.
 *
 * @param slug the project's slug as the address has it
 * @param actor who is signed in
 * @param project the project, as the user may see it
 * @param event the navigation, for the view's own parameters
 */
@NamedInterface("ui")
public record ProjectRoute(String slug, Actor actor, ProjectInfo project, BeforeEnterEvent event) {

    /** Opens the project of {@code :slug} and runs {@code setUp}; the route when it opened, else empty (rerouted). */
    public static Optional<ProjectRoute> enter(BeforeEnterEvent event, CorpusService corpus, CurrentUser currentUser,
            Consumer<ProjectRoute> setUp) {
        return enter(event, corpus, currentUser, null, setUp);
    }

    /**
     * Like {@link #enter}, for a page only the project's curators and admins open; others are told they may not
     * {@code what} ("change its settings").
     */
    public static Optional<ProjectRoute> enterAsCurator(BeforeEnterEvent event, CorpusService corpus,
            CurrentUser currentUser, String what, Consumer<ProjectRoute> setUp) {
        return enter(event, corpus, currentUser, what, setUp);
    }

    private static Optional<ProjectRoute> enter(BeforeEnterEvent event, CorpusService corpus,
            CurrentUser currentUser, String curatorsOnly, Consumer<ProjectRoute> setUp) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        try {
            Actor actor = currentUser.require();
            ProjectInfo project = corpus.requireProject(actor, slug);
            if (curatorsOnly != null) {
                project.requireCuratedBy(actor, curatorsOnly);
            }
            ProjectRoute route = new ProjectRoute(slug, actor, project, event);
            setUp.accept(route);
            return Optional.of(route);
        } catch (RefusedException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A numeric route parameter ({@code :documentId}); one that is missing or not a number is a
     * {@link NotFoundException} "No such {@code what}".
     */
    public long id(String parameter, String what) {
        try {
            return Long.parseLong(event.getRouteParameters().get(parameter).orElse(""));
        } catch (NumberFormatException e) {
            throw new NotFoundException("No such " + what);
        }
    }

    /** The address's query parameters. */
    public Map<String, List<String>> query() {
        return event.getLocation().getQueryParameters().getParameters();
    }
}
