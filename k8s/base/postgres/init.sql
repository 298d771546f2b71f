-- Runs once, on an empty data directory (the postgres image runs /docker-entrypoint-initdb.d/*.sql),
-- connected to the "rainbow" database as POSTGRES_USER, who therefore owns the new database.
-- Used by docker-compose.yml (mounted) and by k8s/base (as a ConfigMap): one file for both.

-- batch-pipeline's Spring Batch job repository (spring.datasource of that service); the pipeline creates
-- its tables at start-up (spring.batch.jdbc.initialize-schema=always).
CREATE DATABASE rainbow_batch;
