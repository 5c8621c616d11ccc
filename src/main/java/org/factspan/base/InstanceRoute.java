package org.factspan.base;

import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The route of this instance behind a proxy (several instances, deploy/nginx.conf): with {@code FACTSPAN_INSTANCE_ROUTE}
 * (or {@code -DjvmRoute}) set to a short name, Tomcat ends every session id with {@code .name}, and the proxy sends a
 * browser's requests to the instance that holds its session. Unset (one instance), session ids are plain.
 */
@Component
class InstanceRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String route;

    InstanceRoute(@Value("${factspan.instance-route:${jvmRoute:}}") String route) {
        if (!route.isEmpty() && !route.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("The instance route must be 1 to 32 letters, digits, - or _: "
                    + Quote.of(route));
        }
        this.route = route;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route.isEmpty()) {
            return;
        }
        // Tomcat 11 no longer reads the jvmRoute system property itself: set it on the engine before sessions start
        factory.addContextCustomizers(context -> {
            if (context.getParent() != null && context.getParent().getParent() instanceof Engine engine) {
                engine.setJvmRoute(route);
            }
        });
    }
}
