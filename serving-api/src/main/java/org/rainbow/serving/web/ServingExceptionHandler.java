package org.rainbow.serving.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rainbow.serving.sales.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns failures into RFC 9457 problem bodies: a bad parameter is a 400 naming it under
 * {@code errors}; a store that cannot answer (down, speed tables not created yet) is a 503; anything else a 500.
 */
@RestControllerAdvice
class ServingExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServingExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return badRequest(e.getMessage(), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("invalid value for " + e.getName(), e.getName(),
                "'" + e.getValue() + "' is not " + expected(e.getRequiredType()));
    }

    /** A query parameter bound into a record (the per-key routes' range and limit) that does not convert. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error = e.getBindingResult().getFieldError();
        if (error == null) {
            return super.handleMethodArgumentNotValid(e, headers, status, request);
        }
        String parameter = error.getField();
        return ResponseEntity.badRequest().body(badRequest("invalid value for " + parameter, parameter, "'"
                + error.getRejectedValue() + "' is not " + expected(e.getBindingResult().getFieldType(parameter))));
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail storeUnavailable(IllegalStateException e) {
        log.warn("serving store cannot answer: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the serving store cannot answer now: "
                + e.getMessage().lines().findFirst().orElse(""));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private static String expected(Class<?> type) {
        return type == null ? "a valid value" : type == LocalDate.class ? "a date YYYY-MM-DD" : "a valid " + type.getSimpleName();
    }

    private static ProblemDetail badRequest(String detail, String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", List.of(Map.of("parameter", parameter, "message", message)));
        return problem;
    }
}
