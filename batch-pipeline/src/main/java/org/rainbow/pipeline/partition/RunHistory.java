package org.rainbow.pipeline.partition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The runs operators watch: the partition and backfill executions in Spring Batch's job repository, newest first,
 * with their progress (a backfill's days, a partition's assets recorded so far) and their step log.
 */
@Repository
class RunHistory {

    private static final String RUNS = """
            select e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message,
                   max(p.parameter_value) filter (where p.parameter_name = 'partitionDate') as partition_date,
                   max(p.parameter_value) filter (where p.parameter_name = 'from') as range_from,
                   max(p.parameter_value) filter (where p.parameter_name = 'to') as range_to,
                   max(p.parameter_value) filter (where p.parameter_name = 'select') as selection
            from batch_job_execution e
            join batch_job_instance i on i.job_instance_id = e.job_instance_id
            left join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
            %s
            group by e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message
            order by e.job_execution_id desc""";

    private final JdbcTemplate jdbc;
    private final AssetGraph graph;
    private final AssetStatus assets;

    RunHistory(JdbcTemplate jdbc, AssetGraph graph, AssetStatus assets) {
        this.jdbc = jdbc;
        this.graph = graph;
        this.assets = assets;
    }

    /** The newest {@code limit} runs, each with how far it got. */
    List<Run> recent(int limit) {
        return withProgress(jdbc.query(RUNS.formatted("") + " limit ?", (row, n) -> row(row), limit));
    }

    private List<Run> withProgress(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", Collections.nCopies(rows.size(), "?"));
        Object[] idValues = rows.stream().map(Row::id).toArray();
        Map<Long, Long> daysDone = new HashMap<>();
        jdbc.query("select job_execution_id, count(*) as done from batch_step_execution where job_execution_id in ("
                        + ids + ") and step_name like 'backfill\\_day:%' and status = 'COMPLETED' group by 1",
                row -> {
                    daysDone.put(row.getLong(1), row.getLong(2));
                }, idValues);
        Map<Long, Long> assetsDone = new HashMap<>();
        jdbc.query("select run_id, count(distinct asset) from pipeline_materializations where run_id in (" + ids
                + ") group by 1", row -> {
                    assetsDone.put(row.getLong(1), row.getLong(2));
                }, idValues);
        return rows.stream().map(r -> r.backfill()
                ? r.run(daysDone.getOrDefault(r.id(), 0L), r.to().toEpochDay() - r.from().toEpochDay() + 1)
                : r.run(assetsDone.getOrDefault(r.id(), 0L), graph.select(r.select()).size())).toList();
    }

    /** One run with its steps in order, and for a partition the assets and checks it recorded. */
    RunLog log(long id) {
        Run run = withProgress(jdbc.query(RUNS.formatted("where e.job_execution_id = ?"), (row, n) -> row(row), id))
                .stream().findFirst().orElseThrow(() -> new UnknownExecutionException(id));
        List<Step> steps = jdbc.query("select step_name, status, start_time, end_time, exit_message "
                + "from batch_step_execution where job_execution_id = ? order by step_execution_id",
                (row, n) -> new Step(row.getString("step_name"), row.getString("status"), instant(row, "start_time"),
                        instant(row, "end_time"), row.getString("exit_message")), id);
        return new RunLog(run, steps, assets.ofRun(id));
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getLong("job_execution_id"), row.getString("job_name"), row.getString("status"),
                instant(row, "start_time"), instant(row, "end_time"), row.getString("exit_message"),
                date(row.getString("partition_date")), date(row.getString("range_from")),
                date(row.getString("range_to")), row.getString("selection"));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    /** Spring Batch stamps its tables with the server's local time. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant();
    }

    private record Row(long id, String job, String status, Instant started, Instant ended, String exitMessage,
                       LocalDate partition, LocalDate from, LocalDate to, String select) {

        boolean backfill() {
            return job.equals(PartitionJobConfiguration.BACKFILL_JOB);
        }

        Run run(long done, long total) {
            String failure = exitMessage == null || exitMessage.isBlank() ? null
                    : exitMessage.lines().findFirst().orElse(null);
            return new Run(id, backfill() ? "backfill" : "partition", partition, from, to, select, status, started,
                    ended, done, total, failure);
        }
    }

    /**
     * A run: a partition ({@code partition}; one of a backfill's days also has the backfill's {@code from} and
     * {@code to}) or a backfill; {@code done} of {@code total} days (a backfill) or assets (a partition).
     */
    record Run(long id, String job, LocalDate partition, LocalDate from, LocalDate to, String select, String status,
               Instant started, Instant ended, long done, long total, String failure) {
    }

    record Step(String name, String status, Instant started, Instant ended, String message) {
    }

    record RunLog(Run run, List<Step> steps, AssetStatus.RunRecords records) {
    }
}
