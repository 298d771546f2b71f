-- Runs once, on an empty data directory (the clickhouse-server image runs /docker-entrypoint-initdb.d/*.sql).
-- Used by docker-compose.yml (mounted) and by k8s/base (as a ConfigMap): one file for both.
-- speed: the CDC tables stream-bridge writes (it would also create the database itself);
-- serving: the batch views serving-api loads from the pipeline's exports.
CREATE DATABASE IF NOT EXISTS speed;
CREATE DATABASE IF NOT EXISTS serving;
