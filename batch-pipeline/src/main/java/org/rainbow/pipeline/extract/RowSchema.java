package org.rainbow.pipeline.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro (hence Parquet) schema of a query's rows, and the conversion of each row. Money stays exact
 * (decimal with the column's precision and scale); timestamps become UTC {@code local-timestamp-micros},
 * which DuckDB and BigQuery read as plain timestamps.
 */
final class RowSchema {

    private final Schema schema;
    private final List<Column> columns;

    private RowSchema(Schema schema, List<Column> columns) {
        this.schema = schema;
        this.columns = columns;
    }

    static RowSchema of(String name, ResultSetMetaData metadata) throws SQLException {
        List<Column> columns = new ArrayList<>();
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).namespace("org.rainbow.raw").fields();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            Column column = new Column(metadata.getColumnName(i), kind(metadata, i), metadata.getScale(i));
            Schema type = avroType(column.kind(), metadata.getPrecision(i), metadata.getScale(i));
            boolean nullable = metadata.isNullable(i) != ResultSetMetaData.columnNoNulls;
            fields = nullable
                    ? fields.name(column.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null)
                    : fields.name(column.name()).type(type).noDefault();
            columns.add(column);
        }
        return new RowSchema(fields.endRecord(), columns);
    }

    Schema schema() {
        return schema;
    }

    GenericRecord read(ResultSet row) throws SQLException {
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            record.put(i, value(row, i + 1, column));
        }
        return record;
    }

    private static Object value(ResultSet row, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case LONG -> nullable(row, row.getLong(index));
            case INT -> nullable(row, row.getInt(index));
            case BOOLEAN -> nullable(row, row.getBoolean(index));
            case DOUBLE -> nullable(row, row.getDouble(index));
            case STRING -> row.getString(index);
            case DECIMAL -> {
                BigDecimal decimal = row.getBigDecimal(index);
                yield decimal == null ? null
                        : ByteBuffer.wrap(decimal.setScale(column.scale(), RoundingMode.UNNECESSARY).unscaledValue().toByteArray());
            }
            case TIMESTAMP -> {
                OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
                yield time == null ? null : ChronoUnit.MICROS.between(OffsetDateTime.parse("1970-01-01T00:00Z"), time);
            }
            case DATE -> {
                LocalDate date = row.getObject(index, LocalDate.class);
                yield date == null ? null : (int) date.toEpochDay();
            }
        };
    }

    private static Object nullable(ResultSet row, Object value) throws SQLException {
        return row.wasNull() ? null : value;
    }

    private static Kind kind(ResultSetMetaData metadata, int i) throws SQLException {
        return switch (metadata.getColumnType(i)) {
            case Types.BIGINT -> Kind.LONG;
            case Types.INTEGER, Types.SMALLINT -> Kind.INT;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.DOUBLE, Types.REAL, Types.FLOAT -> Kind.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            case Types.DATE -> Kind.DATE;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> Kind.STRING;
            default -> throw new IllegalArgumentException("no Parquet mapping for column " + metadata.getColumnName(i)
                    + " of type " + metadata.getColumnTypeName(i));
        };
    }

    private static Schema avroType(Kind kind, int precision, int scale) {
        return switch (kind) {
            case LONG -> Schema.create(Schema.Type.LONG);
            case INT -> Schema.create(Schema.Type.INT);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case STRING -> Schema.create(Schema.Type.STRING);
            case DECIMAL -> LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
            case TIMESTAMP -> LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        };
    }

    private enum Kind { LONG, INT, BOOLEAN, DOUBLE, STRING, DECIMAL, TIMESTAMP, DATE }

    private record Column(String name, Kind kind, int scale) {
    }
}
