package org.rainbow.api.product;

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
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductService service;

    ProductController(ProductService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ProductView> list(@Valid @RequestBody ProductFields fields) {
        ProductView created = service.list(fields);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    ProductView change(@PathVariable long id, @Valid @RequestBody ProductChange change) {
        return service.change(id, change);
    }

    @GetMapping("/{id}")
    ProductView find(@PathVariable long id) {
        return service.find(id);
    }

    @GetMapping
    CursorPage<ProductView> page(@RequestParam(defaultValue = "0") @Min(0) long cursor,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(CursorPage.MAX_SIZE) int size) {
        return service.page(cursor, size);
    }
}
