package org.factspan.security;

import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Who may open each Vaadin route (docs/rest-api.md, the role matrix; decision 014), and every {@code @Route} class of the application found
 * on the class path, so that a new route fails the role matrix until it is classified here.
 */
final class RouteAccess {

    /** Who may open a route. A refused user sees the "not found" page (the app does not say what exists). */
    enum Access {
        /** Everyone, logged in or not. */
        PUBLIC,
        /** Any logged-in user. */
        ANY_USER,
        /** Members of the project in the address (annotators, curators) and admins. */
        PROJECT_MEMBER,
        /** Curators of the project and admins. */
        PROJECT_CURATOR,
        /** Admins only. */
        ADMIN
    }

    /** A route: its template (as in {@code @Route}) and its view class. */
    record RouteInfo(String template, Class<?> view) {
    }

    static final Map<String, Access> ACCESS = new LinkedHashMap<>();

    static {
        ACCESS.put("login", Access.PUBLIC);
        ACCESS.put("", Access.ANY_USER);
        ACCESS.put("account", Access.ANY_USER);
        ACCESS.put("admin/projects", Access.ADMIN);
        ACCESS.put("admin/users", Access.ADMIN);
        ACCESS.put("admin/backups", Access.ADMIN);
        ACCESS.put("projects/:slug", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/documents/:documentId", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/search", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/recommenders", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/claims", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/export", Access.PROJECT_MEMBER);
        ACCESS.put("projects/:slug/settings", Access.PROJECT_CURATOR);
        ACCESS.put("projects/:slug/import", Access.PROJECT_CURATOR);
        ACCESS.put("projects/:slug/progress", Access.PROJECT_CURATOR);
        ACCESS.put("projects/:slug/agreement", Access.PROJECT_CURATOR);
        ACCESS.put("projects/:slug/disagreements", Access.PROJECT_CURATOR);
        ACCESS.put("projects/:slug/documents/:documentId/curate", Access.PROJECT_CURATOR);
    }

    private RouteAccess() {
    }

    /** Every {@code @Route} class under org.factspan, as ArchitectureTest finds them. */
    static List<RouteInfo> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<RouteInfo> found = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.factspan")) {
            try {
                Class<?> view = Class.forName(bean.getBeanClassName());
                found.add(new RouteInfo(view.getAnnotation(Route.class).value(), view));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        found.sort(java.util.Comparator.comparing(RouteInfo::template));
        return found;
    }

    /** The address of a route in a world: its parameters filled with the world's project and first article. */
    static String url(String template, MatrixWorld w) {
        return template.replace(":slug", w.slug).replace(":documentId", Long.toString(w.doc));
    }
}
