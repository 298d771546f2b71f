package org.rainbow.pipeline.warehouse.bigquery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.DmlStats;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.LoadStatistics;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;

import org.rainbow.contracts.source.RawLoadColumns;
import org.rainbow.pipeline.warehouse.ExportedObjects;
import org.rainbow.pipeline.warehouse.MergedRows;
import org.rainbow.pipeline.warehouse.QueryResult;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.pipeline.warehouse.WarehouseException;
import org.rainbow.storage.ObjectStorage;

/**
 * The production warehouse. Schemas are datasets of one project; every statement is a standard-SQL query
 * job in {@code location}; Parquet partitions arrive by load job from {@code gs://}. Contract-tested
 * against a local HTTP endpoint, not run against BigQuery here.
 */
public final class BigQueryWarehouse implements Warehouse {

    private final BigQuery bigquery;
    private final String project;
    private final String location;

    public BigQueryWarehouse(BigQuery bigquery, String location) {
        this.bigquery = bigquery;
        this.project = bigquery.getOptions().getProjectId();
        this.location = location;
    }

    @Override
    public String type() {
        return "bigquery";
    }

    /** Query jobs of independent models run side by side; BigQuery queues what exceeds its quota. */
    @Override
    public int parallelism() {
        return 4;
    }

    @Override
    public String sqlName(Relation relation) {
        return "`" + project + "." + relation.schema() + "." + relation.name() + "`";
    }

    @Override
    public void createSchemaIfAbsent(String schema) {
        DatasetId dataset = DatasetId.of(project, schema);
        try {
            if (bigquery.getDataset(dataset) == null) {
                bigquery.create(DatasetInfo.newBuilder(dataset).setLocation(location).build());
            }
        } catch (BigQueryException e) {
            // Another run created it between the lookup and the create.
            if (e.getCode() != 409) {
                throw new WarehouseException("cannot create dataset " + schema + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean exists(Relation relation) {
        return table(relation) != null;
    }

    @Override
    public List<String> columns(Relation relation) {
        Table table = table(relation);
        if (table == null || table.getDefinition().getSchema() == null) {
            return List.of();
        }
        return table.getDefinition().getSchema().getFields().stream().map(Field::getName).toList();
    }

    @Override
    public void replaceView(Relation view, String select) {
        run(query("create or replace view " + sqlName(view) + " as\n" + select));
    }

    @Override
    public long replaceTable(Relation table, String select) {
        run(query("create or replace table " + sqlName(table) + " as\n" + select));
        Table built = table(table);
        return built == null || built.getNumRows() == null ? 0 : built.getNumRows().longValue();
    }

    @Override
    public MergedRows merge(Relation target, String select, List<String> uniqueKey) {
        String merge = MergeStatement.of(sqlName(target), select, uniqueKey, columns(target), c -> "`" + c + "`");
        DmlStats dml = ((QueryStatistics) run(query(merge)).getStatistics()).getDmlStats();
        return dml == null ? new MergedRows(0, 0)
                : new MergedRows(orZero(dml.getInsertedRowCount()), orZero(dml.getUpdatedRowCount()));
    }

    private static long orZero(Long count) {
        return count == null ? 0 : count;
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        Job job = run(query(sql));
        try {
            TableResult result = job.getQueryResults(BigQuery.QueryResultsOption.pageSize(maxRows));
            List<Field> fields = result.getSchema() == null ? List.of() : result.getSchema().getFields();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FieldValueList values : result.iterateAll()) {
                if (rows.size() == maxRows) {
                    break;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    row.put(fields.get(i).getName(), javaValue(fields.get(i), values.get(i)));
                }
                rows.add(row);
            }
            return new QueryResult(fields.stream().map(Field::getName).toList(), rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted reading results of\n" + sql, e);
        }
    }

    @Override
    public long count(String select) {
        Object n = query("select count(*) as n from (\n" + select + "\n) as counted", 1).rows().get(0).get("n");
        return ((Number) n).longValue();
    }

    @Override
    public TableFingerprint fingerprint(Relation table) {
        Map<String, Object> row = query("select count(*) as n, cast(coalesce(bit_xor(farm_fingerprint(to_json_string(t))), 0) "
                + "as string) as x, cast(coalesce(sum(mod(farm_fingerprint(to_json_string(t)), 1000000007)), 0) as string) "
                + "as s from " + sqlName(table) + " t", 1).rows().get(0);
        return new TableFingerprint(((Number) row.get("n")).longValue(), row.get("x") + "-" + row.get("s"));
    }

    /**
     * Load job into a scratch table, then one script replaces the partition's rows in a transaction, so a
     * re-loaded day never duplicates rows and a failed load leaves the table as it was.
     */
    @Override
    public long loadParquetPartition(Relation table, String uri, LocalDate partitionDate) {
        createSchemaIfAbsent(table.schema());
        Relation scratch = new Relation(table.schema(),
                "_load_" + table.name() + "_" + partitionDate.toString().replace("-", ""));
        TableId scratchId = TableId.of(project, scratch.schema(), scratch.name());
        LoadJobConfiguration load = LoadJobConfiguration.newBuilder(scratchId, uri, FormatOptions.parquet())
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
                .build();
        Long loaded = ((LoadStatistics) run(load).getStatistics()).getOutputRows();
        String partition = "date '" + partitionDate + "'";
        String rows = "select *" + asTimestamps(scratchId) + ", " + partition + " as " + RawLoadColumns.PARTITION_DATE
                + ", current_timestamp() as " + RawLoadColumns.LOADED_AT + " from " + sqlName(scratch);
        run(query("create table if not exists " + sqlName(table) + " partition by " + RawLoadColumns.PARTITION_DATE
                + " as\n" + rows + " where false;\n"
                + "begin transaction;\n"
                + "delete from " + sqlName(table) + " where " + RawLoadColumns.PARTITION_DATE + " = " + partition
                + ";\n"
                + "insert into " + sqlName(table) + "\n" + rows + ";\n"
                + "commit transaction;"));
        bigquery.delete(scratchId);
        return loaded == null ? 0 : loaded;
    }

    /**
     * The extract writes UTC wall-clock time as Parquet timestamps not marked as adjusted to UTC, which a load job
     * may type DATETIME. Each such column is replaced by the TIMESTAMP it means (a DATETIME converts as UTC), so
     * the raw tables have TIMESTAMP columns whatever the load job chose: the models compare them with TIMESTAMPs,
     * and BigQuery compares no DATETIME with a TIMESTAMP.
     */
    private String asTimestamps(TableId scratch) {
        Table loaded = bigquery.getTable(scratch);
        if (loaded == null || loaded.getDefinition().getSchema() == null) {
            return "";
        }
        List<String> replaced = loaded.getDefinition().getSchema().getFields().stream()
                .filter(field -> field.getType().getStandardType() == StandardSQLTypeName.DATETIME)
                .map(field -> "timestamp(`" + field.getName() + "`) as `" + field.getName() + "`")
                .toList();
        return replaced.isEmpty() ? "" : " replace (" + String.join(", ", replaced) + ")";
    }

    /**
     * {@code EXPORT DATA} straight into the bucket: BigQuery writes one or more files
     * {@code <prefix>part-<n>.parquet} itself. The object storage must therefore be GCS.
     */
    @Override
    public ExportedObjects exportParquet(String select, ObjectStorage storage, String prefix) {
        String files = storage.uri(prefix + "part-*.parquet");
        if (!files.startsWith("gs://")) {
            throw new WarehouseException("BigQuery exports to gs:// only, not to " + files
                    + ": set rainbow.storage.engine=gcs", null);
        }
        Job job = run(query("export data options (uri = '" + files + "', format = 'PARQUET', overwrite = true) as\n"
                + select));
        QueryStatistics statistics = job.getStatistics();
        Long rows = statistics.getExportDataStats() == null ? null : statistics.getExportDataStats().getRowCount();
        try {
            return new ExportedObjects(storage.list(prefix), rows == null ? count(select) : rows, 0);
        } catch (IOException e) {
            throw new WarehouseException("cannot list the export under " + storage.uri(prefix), e);
        }
    }

    private Table table(Relation relation) {
        return bigquery.getTable(TableId.of(project, relation.schema(), relation.name()));
    }

    /** The client of the environment's default credentials for {@code project}. */
    public static BigQueryWarehouse connect(String project, String location) {
        return new BigQueryWarehouse(BigQueryOptions.newBuilder().setProjectId(project).build().getService(), location);
    }

    private static QueryJobConfiguration query(String sql) {
        return QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).build();
    }

    private Job run(JobConfiguration configuration) {
        JobId id = JobId.newBuilder().setProject(project).setLocation(location).setRandomJob().build();
        try {
            Job job = bigquery.create(JobInfo.newBuilder(configuration).setJobId(id).build()).waitFor();
            if (job == null) {
                throw new WarehouseException("job " + id.getJob() + " vanished", null);
            }
            BigQueryError error = job.getStatus().getError();
            if (error != null) {
                throw new WarehouseException(error.getMessage() + "\n" + describe(configuration), null);
            }
            return job;
        } catch (BigQueryException e) {
            throw new WarehouseException(e.getMessage() + "\n" + describe(configuration), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted waiting for job " + id.getJob(), e);
        }
    }

    private static String describe(JobConfiguration configuration) {
        return configuration instanceof QueryJobConfiguration q ? q.getQuery() : configuration.toString();
    }

    private static Object javaValue(Field field, FieldValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        if (type == null) {
            return value.getValue();
        }
        return switch (type) {
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case BOOL -> value.getBooleanValue();
            case DATE -> LocalDate.parse(value.getStringValue());
            case DATETIME -> LocalDateTime.parse(value.getStringValue());
            case TIMESTAMP -> LocalDateTime.ofInstant(value.getTimestampInstant(), ZoneOffset.UTC);
            default -> value.getValue() instanceof String s ? s : value.getValue();
        };
    }
}
