package org.rainbow.pipeline.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.rainbow.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one table's row versions of one UTC day ({@code history.<table>} by {@code changed_at}, plus those
 * recorded that day for earlier days) as a single Parquet object {@code raw/<table>/dt=<day>/part-00000.parquet}.
 * Re-running a day replaces the object, so the partition never holds duplicates; an empty day still gets a
 * file, so "no changes" is told from "not run".
 */
public final class TableExtractor {

    private static final Logger log = LoggerFactory.getLogger(TableExtractor.class);
    private static final int FETCH_SIZE = 10_000;
    private static final Duration OPEN_TRANSACTION_WAIT = Duration.ofMinutes(2);

    private final DataSource source;
    private final ObjectStorage storage;
    private final Path workDirectory;

    public TableExtractor(DataSource source, ObjectStorage storage, Path workDirectory) {
        this.source = source;
        this.storage = storage;
        this.workDirectory = workDirectory;
    }

    public ExtractedPartition extract(String table, LocalDate day) {
        if (!RawTables.ALL.contains(table)) {
            throw new IllegalArgumentException("not a Rainbow table: " + table);
        }
        long began = System.nanoTime();
        String key = RawTables.partitionPrefix(table, day) + "part-00000.parquet";
        Path local = null;
        try {
            Files.createDirectories(workDirectory);
            local = Files.createTempFile(workDirectory, table + "-" + day + "-", ".parquet");
            Files.delete(local);
            long rows = writeParquet(table, day, local);
            long bytes = Files.size(local);
            storage.put(key, local);
            for (String stale : storage.list(RawTables.partitionPrefix(table, day))) {
                if (!stale.equals(key)) {
                    storage.deleteAll(stale);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            log.info("extract {} {}: {} rows, {} bytes -> {} in {} ms", table, day, rows, bytes, storage.uri(key),
                    took.toMillis());
            return new ExtractedPartition(table, day, key, rows, bytes, took);
        } catch (IOException e) {
            throw new UncheckedIOException("extract of " + table + " for " + day + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("extract of " + table + " for " + day + " failed", e);
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }

    private long writeParquet(String table, LocalDate day, Path file) throws SQLException, IOException {
        try (Connection connection = source.getConnection()) {
            // A cursor (no autocommit + fetch size) streams the day instead of loading it whole into memory.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Timestamp start = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
            Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            awaitTransactionsBegunBefore(connection, end, table, day);
            // The day's changes, and the changes recorded that day for an earlier day (backdated rows,
            // late corrections) whose own partition may have run before they were written.
            try (PreparedStatement query = connection.prepareStatement("select * from history." + table
                    + " where (changed_at >= ? and changed_at < ?) or (recorded_at >= ? and recorded_at < ?)"
                    + " order by change_seq")) {
                query.setFetchSize(FETCH_SIZE);
                query.setTimestamp(1, start);
                query.setTimestamp(2, end);
                query.setTimestamp(3, start);
                query.setTimestamp(4, end);
                try (ResultSet rows = query.executeQuery()) {
                    RowSchema schema = RowSchema.of(table, rows.getMetaData());
                    long count = 0;
                    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                            .withSchema(schema.schema())
                            .withDataModel(GenericData.get())
                            .withConf(new PlainParquetConfiguration())
                            .withCodecFactory(new SnappyCodecFactory())
                            .withCompressionCodec(CompressionCodecName.SNAPPY)
                            .build()) {
                        while (rows.next()) {
                            writer.write(schema.read(rows));
                            count++;
                        }
                    }
                    return count;
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * A transaction that began before the day ended may still commit rows of the day; the extract would miss
     * them and the next day's would not take them. Waits (bounded) until no such transaction is open. Needs
     * the right to see other sessions' {@code xact_start} (the owner, a superuser or {@code pg_read_all_stats}).
     */
    private static void awaitTransactionsBegunBefore(Connection connection, Timestamp end, String table, LocalDate day)
            throws SQLException {
        long deadline = System.nanoTime() + OPEN_TRANSACTION_WAIT.toNanos();
        try (PreparedStatement open = connection.prepareStatement("select count(*) from pg_stat_activity"
                + " where xact_start < ? and pid <> pg_backend_pid() and backend_type = 'client backend'"
                + " and datname = current_database()")) {
            open.setTimestamp(1, end);
            while (true) {
                long stillOpen;
                try (ResultSet count = open.executeQuery()) {
                    count.next();
                    stillOpen = count.getLong(1);
                }
                connection.rollback(); // pg_stat_activity is read once per transaction: a new one sees changes
                if (stillOpen == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("extract {} {}: transactions begun before the day ended are still open after {} s; "
                            + "extracting without their changes", table, day, OPEN_TRANSACTION_WAIT.toSeconds());
                    return;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for open transactions", e);
        }
    }
}
