package org.rainbow.api.promotion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.rainbow.api.web.CursorPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/promotions")
class PromotionController {

    private final PromotionService service;

    PromotionController(PromotionService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<PromotionView> launch(@Valid @RequestBody PromotionFields fields) {
        PromotionView created = service.launch(fields);
        return ResponseEntity.created(URI.create("/api/v1/promotions/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    PromotionView find(@PathVariable long id) {
        return service.find(id);
    }

    @GetMapping
    CursorPage<PromotionView> page(@RequestParam(defaultValue = "0") @Min(0) long cursor,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(CursorPage.MAX_SIZE) int size) {
        return service.page(cursor, size);
    }
}
