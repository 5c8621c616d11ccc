package org.factspan.base;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): HTTP Basic
 * or a personal API token as Bearer, for every endpoint.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Factspan REST API", version = "v1",
        description = "Projects, documents, spans, attributions, assignments, progress, users and tokens. Offsets are"
                + " Unicode code points, end exclusive. Errors are JSON {status, error, message, timestamp}."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token (Account page, or POST /api/v1/me/tokens)")
class OpenApiConfig {
}
