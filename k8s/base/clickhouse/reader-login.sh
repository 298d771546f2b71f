# Runs once, on an empty data directory, after init.sql (the clickhouse-server image runs
# /docker-entrypoint-initdb.d/* in name order and sources a script that is not executable). Used by
# docker-compose.yml (mounted) and by k8s/base (as a ConfigMap): one file for both.
#
# The read-only login of BI tools and SQL clients. It asks the unified views (serving.unified_sales_*), which
# read the batch tables and the speed tables with the caller's rights: SELECT on both databases, nothing else.
# readonly = 2: no write and no DDL, while a client may still set its query settings (BI tools do).
: "${CLICKHOUSE_READER_USER:?CLICKHOUSE_READER_USER is not set}"
: "${CLICKHOUSE_READER_PASSWORD:?CLICKHOUSE_READER_PASSWORD is not set}"
case "$CLICKHOUSE_READER_USER" in
    *[!A-Za-z0-9_]*) echo "CLICKHOUSE_READER_USER may hold letters, digits and _ only" >&2; exit 1 ;;
esac
# Only the password's SHA-256 reaches SQL: nothing to quote, no password in the query log.
reader_hash=$(printf '%s' "$CLICKHOUSE_READER_PASSWORD" | sha256sum | cut -d ' ' -f 1)
clickhouse-client --host 127.0.0.1 --user "$CLICKHOUSE_USER" --password "$CLICKHOUSE_PASSWORD" --multiquery --query "
CREATE USER IF NOT EXISTS $CLICKHOUSE_READER_USER IDENTIFIED WITH sha256_hash BY '$reader_hash' SETTINGS readonly = 2;
GRANT SELECT ON serving.* TO $CLICKHOUSE_READER_USER;
GRANT SELECT ON speed.* TO $CLICKHOUSE_READER_USER;"
