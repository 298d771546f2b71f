package org.rainbow.api.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns failures into RFC 9457 problem bodies. Client mistakes are 4xx with the field
 * at fault under {@code errors}; only an unexpected fault is a 500, logged with its stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid value for " + e.getName()),
                List.of(Map.of("field", e.getName(), "message", "not a valid value")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request is invalid"), errors);
    }

    /** A request that collides with stored data (e.g. an email already taken): nothing was written. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.info("request conflicts with stored data: {}", e.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "request conflicts with existing data: "
                + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
    }

    /**
     * The database is down or unreachable: a 503 the client may retry, within the pool's short connection
     * timeout rather than after a long hang. Nothing was written.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the order database is unavailable; nothing was written, try again shortly"));
    }

    /**
     * Anything else is a 500, unless the connection to the database broke under it (the server was killed while
     * the request ran): then it is a 503 too, and whether a commit got through is unknown to the API as well, so
     * the client should repeat the request with its {@code Idempotency-Key}.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (lostTheDatabase(e)) {
            log.warn("the database connection broke during a request: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the order database "
                            + "became unavailable during the request; repeat it with the same Idempotency-Key to get "
                            + "its outcome"));
        }
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail body = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request body is invalid"),
                errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        ProblemDetail body = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request is invalid"),
                errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "request body is too large");
            return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JsonProblem problem = JsonProblem.of(e.getMostSpecificCause());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.detail());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A broken connection among the causes, or among what they suppressed: SQLSTATE class 08, an admin shutdown
     * (57P), a dead socket, a resource failure, or a rollback that failed (only a dead connection cannot roll back;
     * the failure that led to the rollback is then logged, not thrown).
     */
    private static boolean lostTheDatabase(Throwable e) {
        return lostTheDatabase(e, 0);
    }

    private static boolean lostTheDatabase(Throwable e, int depth) {
        if (e == null || depth > 10) {
            return false;
        }
        if (e instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        if (e instanceof java.net.SocketException || e instanceof java.io.EOFException
                || e instanceof DataAccessResourceFailureException
                || (e instanceof org.hibernate.TransactionException rollback && rollback.getMessage() != null
                        && rollback.getMessage().startsWith("Unable to rollback"))) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (lostTheDatabase(suppressed, depth + 1)) {
                return true;
            }
        }
        return lostTheDatabase(e.getCause(), depth + 1);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
