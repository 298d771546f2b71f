package org.rainbow.api.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/** Word lists and draws that make seeded master data look like a real shop's. */
final class SampleData {

    static final List<String> PAYMENT_METHODS = List.of("CREDIT_CARD", "DEBIT_CARD", "CASH", "BANK_TRANSFER",
            "PAYPAL", "GIFT_CARD");
    private static final List<String> FIRST_NAMES = List.of("Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver",
            "Sophia", "Elijah", "Mia", "Lucas", "Amelia", "Mateo", "Harper", "Levi", "Evelyn", "Ethan", "Aria",
            "James", "Chloe", "Leo", "Nora", "Kai", "Lina", "Yuki", "Arjun", "Priya", "Chen", "Fatima", "Omar", "Ines");
    private static final List<String> LAST_NAMES = List.of("Smith", "Garcia", "Müller", "Nguyen", "Kim", "Rossi",
            "Dubois", "Silva", "Kowalski", "Johansson", "Patel", "Okafor", "Tanaka", "Cohen", "Novak", "Hansen",
            "Lopez", "Brown", "Ivanova", "Fischer", "Moreau", "Costa", "Schmidt", "Wilson", "Ahmed");
    private static final List<String> CITIES = List.of("Berlin", "Lisbon", "Paris", "Madrid", "Warsaw", "Vienna",
            "Amsterdam", "Prague", "Milan", "Stockholm", "Dublin", "Copenhagen", "Athens", "Zurich", "Oslo");
    private static final List<String> CATEGORIES = List.of("Electronics", "Books", "Home & Kitchen", "Toys",
            "Sports", "Beauty", "Grocery", "Garden", "Fashion", "Office");
    private static final List<String> ADJECTIVES = List.of("Classic", "Smart", "Eco", "Pro", "Compact", "Deluxe",
            "Ultra", "Handmade", "Organic", "Wireless", "Vintage", "Premium");
    private static final List<String> NOUNS = List.of("Lamp", "Backpack", "Kettle", "Headphones", "Notebook",
            "Blender", "Chair", "Sneakers", "Watch", "Mug", "Speaker", "Jacket", "Puzzle", "Yoga Mat", "Plant Pot");
    private static final List<String> SHOP_WORDS = List.of("Market", "Store", "Outlet", "Traders", "Goods", "Corner");

    private SampleData() {
    }

    static String firstName(Random random) {
        return pick(random, FIRST_NAMES);
    }

    static String lastName(Random random) {
        return pick(random, LAST_NAMES);
    }

    static String city(Random random) {
        return pick(random, CITIES);
    }

    static String category(Random random) {
        return pick(random, CATEGORIES);
    }

    static String productName(Random random) {
        return pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
    }

    static String shopName(Random random) {
        return pick(random, LAST_NAMES) + " " + pick(random, SHOP_WORDS);
    }

    static String phone(Random random) {
        return String.format("+49 %03d %07d", 100 + random.nextInt(900), random.nextInt(10_000_000));
    }

    /** Log-normal prices between about 2 and 900, ending in .99 like shop prices do. */
    static BigDecimal price(Random random) {
        double raw = Math.exp(3.2 + random.nextGaussian() * 1.0);
        long whole = Math.max(1, Math.min(899, Math.round(raw)));
        return BigDecimal.valueOf(whole).add(new BigDecimal("0.99"));
    }

    /** A price moved by up to ±15%, kept to cents and above zero. */
    static BigDecimal repriced(Random random, BigDecimal price) {
        double factor = 0.85 + random.nextDouble() * 0.30;
        return price.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.99"));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
