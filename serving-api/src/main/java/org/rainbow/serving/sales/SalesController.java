package org.rainbow.serving.sales;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.rainbow.serving.store.Breakdown;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sales routes (serving-api/README.md, Routes). Dates are UTC days, both ends included. */
@RestController
@RequestMapping("/api/v1/sales")
class SalesController {

    private final SalesQueryService sales;

    SalesController(SalesQueryService sales) {
        this.sales = sales;
    }

    @GetMapping("/daily")
    @Operation(summary = "Sales per day: batch views before the watermark, speed views from it, every day of the range")
    List<DailySales> daily(@Parameter(description = "first day, YYYY-MM-DD (default: 29 days before to)")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @Parameter(description = "last day, YYYY-MM-DD (default: today, UTC)")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return sales.daily(sales.range(from, to));
    }

    @GetMapping("/by-product")
    @Operation(summary = "Sales per product over the range, best-selling first")
    List<ProductSales> byProduct(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Integer limit) {
        return sales.by(Breakdown.PRODUCT, sales.range(from, to), limit, ProductSales::of);
    }

    @GetMapping("/by-seller")
    @Operation(summary = "Sales per seller over the range, best-selling first")
    List<SellerSales> bySeller(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) Integer limit) {
        return sales.by(Breakdown.SELLER, sales.range(from, to), limit, SellerSales::of);
    }

    @GetMapping("/by-payment")
    @Operation(summary = "Sales per payment method over the range, best-selling first")
    List<PaymentSales> byPayment(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Integer limit) {
        return sales.by(Breakdown.PAYMENT, sales.range(from, to), limit, PaymentSales::of);
    }

    @GetMapping("/freshness")
    @Operation(summary = "The batch watermark and the speed layer's lag")
    Freshness freshness() {
        return sales.freshness();
    }
}
