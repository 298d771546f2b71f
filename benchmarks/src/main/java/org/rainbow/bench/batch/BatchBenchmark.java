package org.rainbow.bench.batch;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.rainbow.bench.harness.MachineCpu;
import org.rainbow.bench.harness.Verdict;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.pipeline.EmbeddedPipeline;
import org.rainbow.pipeline.asset.AssetStatus;
import org.rainbow.pipeline.asset.Materialization;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.partition.PartitionOperations;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark P3 on real engines (embedded PostgreSQL 17, DuckDB, Parquet on the local filesystem). One day of
 * {@code --lines} order lines (plus master data the day before) runs through the daily partition job; its time
 * per step and rows/s are printed beside the floor measured in the same run: the same source rows leaving
 * PostgreSQL (COPY) and DuckDB alone writing them to Parquet and reading them back. Then a backfill of
 * {@code --backfill-days} smaller days with one and with two partitions at a time.
 */
final class BatchBenchmark {

    /** Goals P3: a partition within this multiple of the floor measured in the same run ... */
    private static final double MAX_PARTITION_SHARE = 1.5;
    /** ... and a backfill two days at a time at least this much faster than one at a time. */
    private static final double MIN_BACKFILL_SPEEDUP = 1.5;

    private BatchBenchmark() {
    }

    /**
     * @param lines         order lines of the measured day
     * @param backfillDays  days of the backfill, each of {@code backfillLines} order lines
     */
    static void run(long lines, int backfillDays, long backfillLines) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path work = Files.createTempDirectory("rainbow-batch-bench");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        List<String> report = new ArrayList<>();
        List<String> goals = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.PostgresSettings(0, work.resolve("pg"),
                Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"), "rainbow", "rainbow", "rainbow", false))) {
            LocalDate day = today.minusDays(2);
            String source = sourceDatabase(postgres, "bench_day");
            SourceData.masterData(postgres, "bench_day", day.minusDays(1));
            SourceData.orders(postgres, "bench_day", day, lines, 1);
            MeasuredPartition partition = onePartition(postgres, source, work.resolve("day"), day);
            report.addAll(partition.lines());
            double floor = floor(postgres, "bench_day", day, work.resolve("floor"), report);
            double partitionShare = partition.seconds() / floor;
            report.add(String.format("  partition / floor = %.2f x", partitionShare));
            goals.add(String.format("  Goal: partition <= %.1f x floor                 %5.2f x    %s", MAX_PARTITION_SHARE,
                    partitionShare, Verdict.of(partitionShare <= MAX_PARTITION_SHARE)));

            String backfillSource = sourceDatabase(postgres, "bench_backfill");
            LocalDate first = today.minusDays(backfillDays);
            SourceData.masterData(postgres, "bench_backfill", first.minusDays(1));
            for (int d = 0; d < backfillDays; d++) {
                SourceData.orders(postgres, "bench_backfill", first.plusDays(d), backfillLines, 1 + d * backfillLines);
            }
            Backfill one = backfill(postgres, backfillSource, work.resolve("grid1"), first.minusDays(1), today.minusDays(1), 1);
            Backfill two = backfill(postgres, backfillSource, work.resolve("grid2"), first.minusDays(1), today.minusDays(1), 2);
            double speedUp = one.seconds() / two.seconds();
            report.add(String.format("  backfill of %d days x %,d lines (+ master data day): 1 at a time %.1f s, "
                    + "2 at a time %.1f s, speed-up %.2f x", backfillDays, backfillLines, one.seconds(), two.seconds(),
                    speedUp));
            // Days side by side can only use the cores one day at a time left idle.
            report.add(String.format("  machine CPU busy: 1 at a time %.0f%%, 2 at a time %.0f%% of %d cores; "
                    + "the most any parallel backfill could gain here: %.2f x", 100 * one.busy(), 100 * two.busy(),
                    Runtime.getRuntime().availableProcessors(), 1 / one.busy()));
            goals.add(String.format("  Goal: backfill 2 at a time >= %.1f x 1 at a time  %5.2f x    %s", MIN_BACKFILL_SPEEDUP,
                    speedUp, Verdict.of(speedUp >= MIN_BACKFILL_SPEEDUP)));
        }
        System.out.printf("%nBenchmark P3 — batch layer on %d cores (%s), load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load);
        report.forEach(System.out::println);
        System.out.println();
        goals.forEach(System.out::println);
        // Two gigabytes of databases and files per run: nothing of it is needed once the figures are printed.
        FileSystemUtils.deleteRecursively(work);
    }

    private static String sourceDatabase(LocalPostgres postgres, String name) {
        postgres.createDatabase(name);
        postgres.createDatabase(name + "_jobs");
        Flyway.configure().dataSource(postgres.jdbcUrl(name), postgres.user(), postgres.password()).load().migrate();
        return postgres.jdbcUrl(name);
    }

    private static MeasuredPartition onePartition(LocalPostgres postgres, String source, Path work, LocalDate day)
            throws Exception {
        try (ConfigurableApplicationContext pipeline = pipeline(postgres, source, "bench_day_jobs", work, 1)) {
            PartitionOperations partitions = pipeline.getBean(PartitionOperations.class);
            require(partitions.runPartition(day.minusDays(1)));
            System.out.println("Partition " + day + " (measured) ...");
            long began = System.nanoTime();
            JobExecution run = partitions.runPartition(day);
            require(run);
            double seconds = (System.nanoTime() - began) / 1e9;
            List<String> rows = new ArrayList<>();
            rows.add(String.format("  partition %s end to end: %.2f s", day, seconds));
            run.getStepExecutions().stream().filter(s -> s.getStepName().equals("build_models")).findFirst()
                    .ifPresent(build -> rows.add(String.format("  models + checks (step build_models): %d ms",
                            Duration.between(build.getStartTime(), build.getEndTime()).toMillis())));
            rows.add("    step                         rows        ms     rows/s");
            // Every asset in dependency order: the extracts and loads, each model (the build_models step), the export.
            List<Materialization> steps = pipeline.getBean(AssetStatus.class).between(day, day).get(0).assets().stream()
                    .map(AssetStatus.AssetState::materialization)
                    .toList();
            for (Materialization step : steps) {
                long stepRows = step.rows() == null ? 0 : step.rows();
                String perSecond = step.durationMillis() == 0 || stepRows == 0 ? ""
                        : String.format("%,.0f", stepRows * 1000.0 / step.durationMillis());
                rows.add(String.format("    %-26s %9d %9d %10s", step.asset(), stepRows, step.durationMillis(), perSecond));
            }
            return new MeasuredPartition(seconds, rows);
        }
    }

    /**
     * The same source rows as the day's extract, leaving PostgreSQL by COPY, then DuckDB to Parquet and back:
     * seconds of the floor; its breakdown goes to {@code report}.
     */
    private static double floor(LocalPostgres postgres, String database, LocalDate day, Path work,
                                List<String> report) throws Exception {
        Files.createDirectories(work);
        long began = System.nanoTime();
        long rows = 0;
        try (Connection pg = postgres.connect(database)) {
            for (String table : RawTables.ALL) {
                try (OutputStream out = Files.newOutputStream(work.resolve(table + ".csv"))) {
                    rows += pg.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select * from history." + table
                            + " where changed_at >= '" + day + "' and changed_at < '" + day.plusDays(1)
                            + "') to stdout with (format csv, header)", out);
                }
            }
        }
        double copyOut = (System.nanoTime() - began) / 1e9;
        long duck = System.nanoTime();
        long readBack = 0;
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckDb.createStatement()) {
            for (String table : RawTables.ALL) {
                String csv = work.resolve(table + ".csv").toString();
                String parquet = work.resolve(table + ".parquet").toString();
                sql.execute("copy (select * from read_csv('" + csv + "', header = true)) to '" + parquet
                        + "' (format parquet, compression snappy)");
                try (ResultSet back = sql.executeQuery("select count(*) from read_parquet('" + parquet + "')")) {
                    back.next();
                    readBack += back.getLong(1);
                }
            }
        }
        double duckDbSeconds = (System.nanoTime() - duck) / 1e9;
        double floor = copyOut + duckDbSeconds;
        report.add(String.format("  floor, the same %,d source rows: PostgreSQL COPY out %.2f s + DuckDB to Parquet "
                        + "and back (%,d rows) %.2f s = %.2f s", rows, copyOut, readBack, duckDbSeconds, floor));
        return floor;
    }

    private static Backfill backfill(LocalPostgres postgres, String source, Path work, LocalDate from, LocalDate to,
                                     int grid) throws Exception {
        String jobs = "bench_backfill_jobs_" + grid;
        postgres.createDatabase(jobs);
        try (ConfigurableApplicationContext pipeline = pipeline(postgres, source, jobs, work, grid)) {
            System.out.println("Backfill " + from + " .. " + to + " with " + grid + " partition(s) at a time ...");
            long began = System.nanoTime();
            MachineCpu before = MachineCpu.now();
            require(pipeline.getBean(PartitionOperations.class).backfill(from, to));
            return new Backfill((System.nanoTime() - began) / 1e9, MachineCpu.now().busySince(before));
        }
    }

    private static void require(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("job " + execution.getJobInstance().getJobName() + " ended "
                    + execution.getStatus() + ": " + execution.getExitStatus().getExitDescription());
        }
    }

    private static ConfigurableApplicationContext pipeline(LocalPostgres postgres, String source, String jobs, Path work,
                                                           int grid) {
        return EmbeddedPipeline.start(new EmbeddedPipeline.Settings(source, postgres.jdbcUrl(jobs), postgres.user(),
                postgres.password(), work, grid));
    }

    /** A measured backfill: wall time, and the share of the machine's cores that were busy meanwhile. */
    private record Backfill(double seconds, double busy) {
    }

    /** The measured partition: wall time and one line per step. */
    private record MeasuredPartition(double seconds, List<String> lines) {
    }
}
