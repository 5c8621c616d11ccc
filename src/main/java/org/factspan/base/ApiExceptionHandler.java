package org.factspan.base;

import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every REST error is JSON: {@code {"status", "error", "message", "timestamp"}}. Global (not limited to our
 * controllers), because a wrong method or media type is refused before any controller is chosen; Vaadin's
 * views do not go through Spring MVC's handlers, so they are not affected.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * A body, upload or archive over its limit (ingest): 413, and the connection ends with the answer, so that the
     * rest of a body still on its way is neither read nor waited for.
     */
    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<byte[]> bodyTooLarge(TooLargeException e) {
        // as bytes, so that the answer carries its length: a client still sending reads it whole before the close
        byte[] body = JSON.writeValueAsBytes(error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()).getBody());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).contentLength(body.length).body(body);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        // a record that refused its values (e.g. a label with a bad colour) says why
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof TooLargeException) {
                return error(HttpStatus.CONTENT_TOO_LARGE, cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException || cause instanceof InvalidRequestException) {
                return error(HttpStatus.BAD_REQUEST, cause.getMessage());
            }
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, wrongType(m));
            }
        }
        return error(HttpStatus.BAD_REQUEST, "Request body is not valid JSON of the expected shape");
    }

    /**
     * Names the field whose value has the wrong JSON type (never echoing the value): numbers must be JSON numbers
     * ({@code "start": 5}, not {@code "start": "5"}), flags {@code true} or {@code false}; nothing is coerced
     * ({@code spring.jackson.mapper.allow-coercion-of-scalars=false}).
     */
    private static String wrongType(tools.jackson.databind.exc.MismatchedInputException m) {
        String field = m.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
        Class<?> type = m.getTargetType();
        String expected = type == null ? null
                : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class
                        && type != char.class) ? "a JSON number"
                : type == Boolean.class || type == boolean.class ? "true or false"
                : type == String.class ? "a JSON string" : null;
        return "'" + field + "' " + (expected == null ? "has the wrong type" : "must be " + expected);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the server accepts; nothing was imported");
    }

    /** A multipart body that does not parse (no closing boundary, a broken header): the client's fault, not ours. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(org.springframework.web.multipart.MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "The multipart body could not be read (a boundary or part header is"
                + " broken); nothing was imported");
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ResponseEntity<Map<String, Object>> missingPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "Part '" + e.getRequestPartName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' has an invalid value");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> notValid(MethodArgumentNotValidException e) {
        var first = e.getBindingResult().getFieldErrors().stream().findFirst();
        return error(HttpStatus.BAD_REQUEST,
                first.map(f -> "'" + f.getField() + "' " + f.getDefaultMessage()).orElse("Invalid request"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type " + e.getContentType()
                + " is not accepted here; send " + e.getSupportedMediaTypes().stream().map(Object::toString)
                        .reduce((a, b) -> a + " or " + b).orElse("another type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "No such path: /" + e.getResourcePath());
    }

    /**
     * A race the services' own checks could not see: the same thing created twice at once, a row changed, deleted or
     * locked by another request at the same moment. 409 (404 for a row gone meanwhile), never 500 ({@link Refusals}).
     */
    @ExceptionHandler({DataIntegrityViolationException.class, org.springframework.dao.ConcurrencyFailureException.class,
            org.springframework.orm.ObjectRetrievalFailureException.class})
    ResponseEntity<Map<String, Object>> lostRace(RuntimeException e) {
        Refusals.Refusal r = Refusals.of(e).orElseThrow();
        return error(HttpStatus.valueOf(r.status()), r.message());
    }

    /**
     * The database or the search index cannot be used (a full disk, a read-only folder, a closed database): 503 with
     * a message that says so, never a 500 or a login prompt (decision 017). Other exception types that turn out to
     * be storage failures arrive through {@link #unexpected}.
     */
    @ExceptionHandler({StorageUnavailableException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<Map<String, Object>> storageUnavailable(Exception e) {
        LOG.warn("Storage unavailable in a REST call: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(error(HttpStatus.SERVICE_UNAVAILABLE, StorageFailures.MESSAGE).getBody());
    }

    /** Anything unforeseen: a 500 with a plain message; the details go to the log, not to the caller. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                || e instanceof org.springframework.web.HttpMediaTypeNotAcceptableException) {
            throw e; // security, a gone client and a client that accepts no JSON keep their handling
        }
        if (e instanceof org.springframework.web.ErrorResponse status && status.getStatusCode().value() < 500) {
            // Spring's other status-carrying errors (a missing header, a bad binding): their status, our JSON
            return error(HttpStatus.valueOf(status.getStatusCode().value()), status.getBody().getDetail());
        }
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e;
        }
        if (StorageFailures.isStorageFailure(e)) {
            return storageUnavailable(e);
        }
        var refusal = Refusals.of(e); // e.g. a lost race wrapped by a transaction's commit
        if (refusal.isPresent()) {
            return error(HttpStatus.valueOf(refusal.get().status()), refusal.get().message());
        }
        LOG.error("Unexpected error in a REST call", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it has been logged");
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of(
                "status", status.value(),
                "error", status.getReasonPhrase(),
                "message", message == null ? status.getReasonPhrase() : message,
                "timestamp", Instant.now().toString()));
    }
}
