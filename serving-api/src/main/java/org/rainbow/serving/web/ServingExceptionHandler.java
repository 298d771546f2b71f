package org.rainbow.serving.web;

import java.util.List;
import java.util.Map;
import org.rainbow.serving.sales.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        String expected = e.getRequiredType() != null && e.getRequiredType().getSimpleName().equals("LocalDate")
                ? "a date YYYY-MM-DD" : "a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return badRequest("invalid value for " + e.getName(), e.getName(), "'" + e.getValue() + "' is not " + expected);
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

    private static ProblemDetail badRequest(String detail, String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", List.of(Map.of("parameter", parameter, "message", message)));
        return problem;
    }
}
