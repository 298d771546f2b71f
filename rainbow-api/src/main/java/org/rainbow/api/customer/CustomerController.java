package org.rainbow.api.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.rainbow.api.web.CursorPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerService service;

    CustomerController(CustomerService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody CustomerFields fields) {
        CustomerView created = service.register(fields);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    CustomerView change(@PathVariable long id, @Valid @RequestBody CustomerChange change) {
        return service.change(id, change);
    }

    @GetMapping("/{id}")
    CustomerView find(@PathVariable long id) {
        return service.find(id);
    }

    @GetMapping
    CursorPage<CustomerView> list(@RequestParam(defaultValue = "0") @Min(0) long cursor,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(CursorPage.MAX_SIZE) int size) {
        return service.list(cursor, size);
    }
}
