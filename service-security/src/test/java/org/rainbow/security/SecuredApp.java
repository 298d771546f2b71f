package org.rainbow.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one read and one write route, secured by nothing but this module's auto-configuration. */
@SpringBootApplication
class SecuredApp {

    @RestController
    static class Things {

        @GetMapping("/api/v1/things")
        String list() {
            return "[]";
        }

        @PostMapping("/api/v1/things")
        String create() {
            return "created";
        }
    }
}
