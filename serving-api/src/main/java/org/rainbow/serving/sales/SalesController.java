package org.rainbow.serving.sales;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.rainbow.serving.store.Breakdown;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales routes (serving-api/README.md, Routes). Dates are UTC days, both ends included; every route answers
 * JSON, or CSV to {@code Accept: text/csv}.
 */
@RestController
@RequestMapping(value = "/api/v1/sales", produces = {"application/json", "text/csv"})
class SalesController {

    private final SalesQueryService sales;

    SalesController(SalesQueryService sales) {
        this.sales = sales;
    }

    @GetMapping("/daily")
    @Operation(summary = "Sales per day, ISO week or month: batch views before the watermark, speed views from it")
    List<SalesRows.DailySales> daily(
            @Parameter(description = "first day, YYYY-MM-DD (default: 29 days before to)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, YYYY-MM-DD (default: today, UTC)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "day (default), week (rows on Mondays) or month (rows on the 1st)")
            @RequestParam(required = false) String grain) {
        return sales.daily(sales.range(from, to), Grain.of(grain));
    }

    @GetMapping("/by-product")
    @Operation(summary = "Sales per product, named and categorised as when sold, best-selling first")
    List<SalesRows.ProductSales> byProduct(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.PRODUCT, query, SalesRows.ProductSales::of);
    }

    @GetMapping("/by-seller")
    @Operation(summary = "Sales per seller (the product's seller when sold), best-selling first")
    List<SalesRows.SellerSales> bySeller(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.SELLER, query, SalesRows.SellerSales::of);
    }

    @GetMapping("/by-payment")
    @Operation(summary = "Sales per payment method, best-selling first")
    List<SalesRows.PaymentSales> byPayment(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.PAYMENT, query, SalesRows.PaymentSales::of);
    }

    @GetMapping("/by-category")
    @Operation(summary = "Sales per product category (the product's category when sold), best-selling first")
    List<SalesRows.CategorySales> byCategory(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.CATEGORY, query, SalesRows.CategorySales::of);
    }

    @GetMapping("/by-city")
    @Operation(summary = "Sales per customer city (where the customer lived when ordering), best-selling first")
    List<SalesRows.CitySales> byCity(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.CITY, query, SalesRows.CitySales::of);
    }

    @GetMapping("/by-promotion")
    @Operation(summary = "Sales per promotion (orders without one: null promotion), best-selling first")
    List<SalesRows.PromotionSales> byPromotion(@ParameterObject SliceQuery query) {
        return sales.by(Breakdown.PROMOTION, query, SalesRows.PromotionSales::of);
    }

    @GetMapping("/freshness")
    @Operation(summary = "The batch watermark and the speed layer's lag")
    Freshness freshness() {
        return sales.freshness();
    }
}
