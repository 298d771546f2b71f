package org.rainbow.api.payment;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentService service;

    PaymentController(PaymentService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<PaymentView> register(@Valid @RequestBody PaymentFields fields) {
        PaymentView created = service.register(fields);
        return ResponseEntity.created(URI.create("/api/v1/payments")).body(created);
    }

    @GetMapping
    List<PaymentView> all() {
        return service.all();
    }
}
