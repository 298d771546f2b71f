package org.rainbow.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One line of the suite's table, and the notes that explain it. */
record ScenarioResult(String id, String name, long sent, long arrived, long lost, long doubled, List<String> failures,
                      List<String> notes, Duration took) {

    boolean passed() {
        return lost == 0 && doubled == 0 && failures.isEmpty();
    }

    /**
     * Orders the API acknowledged against PostgreSQL, and PostgreSQL against the serving store: an acknowledged
     * order missing anywhere is lost, one counted twice (or more than were sent, beyond the uncertain ones) doubled.
     */
    static ScenarioResult reconcile(String id, String name, OrderTraffic.Outcome traffic, Ledger.Reconciliation books,
                                    List<String> failures, List<String> notes, Duration took) {
        long inDatabase = books.postgres().orders();
        long served = books.served().orders();
        long lost = Math.max(0, traffic.sent() - inDatabase) + Math.max(0, inDatabase - served);
        long doubled = Math.max(0, inDatabase - traffic.sent() - traffic.uncertain()) + Math.max(0, served - inDatabase);
        List<String> allFailures = new ArrayList<>(failures);
        if (!books.postgres().matches(books.served())) {
            allFailures.add("product figures differ: PostgreSQL " + books.postgres() + ", served " + books.served());
        }
        books.dailyDifferences().forEach(d -> allFailures.add("day " + d));
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("traffic: " + traffic.sent() + " acknowledged, " + traffic.refused() + " refused " + traffic.refusals()
                + ", " + traffic.unreachable() + " unreachable, " + traffic.uncertain() + " uncertain; "
                + "PostgreSQL holds " + inDatabase + ", serving shows " + served);
        return new ScenarioResult(id, name, traffic.sent(), served, lost, doubled, allFailures, allNotes, took);
    }

    String line() {
        return String.format("%-3s %-22s sent %6d  arrived %6d  lost %d  doubled %d  %s", id, name, sent, arrived, lost,
                doubled, passed() ? "PASS" : "FAIL");
    }
}
