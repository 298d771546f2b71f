package org.rainbow.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * R4: batch-pipeline killed ({@code kill -9}) in the middle of a backfill. The launcher restarts it, the pipeline
 * resumes the interrupted backfill, and only the days that had not completed run again; a partition run twice
 * leaves every mart identical, row by row; the unified view still equals PostgreSQL for every day.
 */
final class PartitionKill extends Scenario {

    private final int days;

    PartitionKill(int days) {
        super("R4", "partition-kill-9");
        this.days = days;
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(days);
        LocalDate to = today.minusDays(1);
        JdbcTemplate jobs = stack.database("rainbow_batch");

        long killed = stack.call("POST", stack.pipelineUrl() + "/api/v1/backfills?from=" + from + "&to=" + to)
                .get("executionId").asLong();
        FaultStack.await("a first day of the backfill", Duration.ofMinutes(3), () -> stack.call("GET",
                stack.pipelineUrl() + "/api/v1/backfills/" + killed).get("completed").asLong() >= 1);
        stack.kill("batch-pipeline");
        Set<String> doneBeforeTheKill = days(jobs, killed, "COMPLETED");
        notes.add("killed backfill " + killed + " after " + doneBeforeTheKill.size() + " of " + days + " days");

        FaultStack.await("batch-pipeline back", Duration.ofMinutes(2), () -> stack.running("batch-pipeline"));
        FaultStack.await("the resumed backfill", Duration.ofMinutes(5), () -> stack.call("GET",
                stack.pipelineUrl() + "/api/v1/backfills").isEmpty() && !jobs.queryForList(
                "select job_execution_id from batch_job_execution where job_execution_id > ? and status = 'COMPLETED' "
                        + "and job_instance_id = (select job_instance_id from batch_job_execution where job_execution_id = ?)",
                Long.class, killed, killed).isEmpty());
        long resumed = jobs.queryForObject("select max(job_execution_id) from batch_job_execution where job_instance_id = "
                + "(select job_instance_id from batch_job_execution where job_execution_id = ?)", Long.class, killed);
        Set<String> rerun = days(jobs, resumed, null);
        notes.add("the resumed execution " + resumed + " ran " + rerun);
        Set<String> twice = new TreeSet<>(rerun);
        twice.retainAll(doneBeforeTheKill);
        if (!twice.isEmpty()) {
            failures.add("days completed before the kill ran again: " + twice);
        }
        if (rerun.isEmpty()) {
            failures.add("the resumed backfill ran no day");
        }

        JsonNode before = stack.call("GET", stack.pipelineUrl() + "/api/v1/warehouse/fingerprint");
        JsonNode run = stack.call("POST", stack.pipelineUrl() + "/api/v1/partitions/" + to + "/runs");
        if (!run.get("status").asString().equals("COMPLETED")) {
            failures.add("re-running " + to + " ended " + run.get("status").asString());
        }
        JsonNode after = stack.call("GET", stack.pipelineUrl() + "/api/v1/warehouse/fingerprint");
        if (!before.equals(after)) {
            failures.add("marts changed when " + to + " ran twice: " + before + " then " + after);
        }
        notes.add(before.size() + " marts hashed row by row, identical after " + to + " ran again");

        Ledger ledger = new Ledger(stack);
        FaultStack.await("the re-run's export served", Duration.ofMinutes(1),
                () -> ledger.dailyDifferences(from, to).isEmpty());
        List<String> differences = ledger.dailyDifferences(from, to);
        differences.forEach(d -> failures.add("day " + d));
        Map<String, Object> truth = stack.database().queryForMap("select count(*) as orders from orders "
                + "where created_at >= ?::date and created_at < ?::date", from.toString(), today.toString());
        long orders = ((Number) truth.get("orders")).longValue();
        long served = 0;
        for (JsonNode day : stack.call("GET", stack.servingUrl() + "/api/v1/sales/daily?from=" + from + "&to=" + to)) {
            served += day.get("order_count").asLong();
        }
        return new ScenarioResult(id(), name(), orders, served, Math.max(0, orders - served),
                Math.max(0, served - orders), failures, notes, Duration.ofNanos(System.nanoTime() - began));
    }

    /** The days ({@code backfill_day:day-YYYY-MM-DD}) an execution ran, optionally only those with a status. */
    private static Set<String> days(JdbcTemplate jobs, long execution, String status) {
        return new TreeSet<>(jobs.queryForList("select step_name from batch_step_execution where job_execution_id = ? "
                        + "and step_name like 'backfill_day:%'" + (status == null ? "" : " and status = '" + status + "'"),
                String.class, execution));
    }
}
