package org.rainbow.speed.sink;

import org.rainbow.contracts.source.Column;

/**
 * An engine's names for the column types Rainbow stores, one implementation per engine beside its writer: the speed
 * tables are created with them, and serving-api's batch tables with the same engine's. Timestamps are UTC instants.
 */
public interface EngineTypes {

    String text();

    String bigint();

    String integer();

    String date();

    String timestamp();

    String decimal(int precision, int scale);

    /** {@code type} where NULL is allowed: ClickHouse's {@code Nullable(type)}, or the type itself where any column may be. */
    String nullable(String type);

    /** A captured table's column, {@link #nullable} where the source's is. */
    default String of(Column column) {
        String type = switch (column.type()) {
            case BIGINT -> bigint();
            case INTEGER -> integer();
            case TEXT -> text();
            case DECIMAL -> decimal(column.precision(), column.scale());
            case DATE -> date();
            case TIMESTAMP -> timestamp();
        };
        return column.nullable() ? nullable(type) : type;
    }
}
