package org.factspan.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limit of every request body ({@code factspan.request.max-body-bytes}, {@code FACTSPAN_MAX_BODY_BYTES}): JSON,
 * form, multipart and raw alike. The upload endpoints have their own, larger limit
 * ({@link ImportLimits#maxRequestBytes()}).
 */
@ConfigurationProperties("factspan.request")
public record BodyLimits(@DefaultValue("2MB") DataSize maxBodyBytes) {
}
